using System.Globalization;

namespace Flows;

/// <summary>
/// How much of a container's output Flows holds in memory, wherever it reads a log (the local Docker engine, a Kubernetes
/// pod): one line at most <see cref="MaxLineBytes"/> (a longer line is cut there and marked, and the rest of it is read
/// past without being kept), and the whole log of a container task whose result is its log at most <see cref="MaxResultBytes"/>
/// (past it the task fails and says so). Without them a container printing 100 MB would cost the run a gigabyte.
/// </summary>
public static class PodTaskOutputLimits
{
    /// <summary>The longest log line kept, in UTF-8 bytes, without its line break.</summary>
    public const int MaxLineBytes = 64 * 1024;

    /// <summary>The largest log a container task may return as its string result, in UTF-8 bytes (lines joined by '\n').</summary>
    public const int MaxResultBytes = 1024 * 1024;

    /// <summary>What ends a line cut at <see cref="MaxLineBytes"/>, in place of the rest of it.</summary>
    public static string CutNote(long lineBytes) =>
        $" [line cut by Flows: it was {Size(lineBytes)}, and a log line keeps at most {Size(MaxLineBytes)}]";

    /// <summary>The error of a container task whose log, its result, is over <see cref="MaxResultBytes"/>.</summary>
    public static string ResultTooLarge(string taskName, string image, string podName, long bytes) =>
        $"Container task '{taskName}' ({image}) printed {Size(bytes)} to its log in pod {podName}, and a container task whose result is its log " +
        $"may return at most {Size(MaxResultBytes)}. Write large output to a file on a volume the tasks share or to an object store, " +
        "and print only its path or key, which the next task reads; or make the task void if only the log is wanted.";

    internal static string Size(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
}
