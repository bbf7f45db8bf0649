using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Samples.DockerPipeline;

/// <summary>
/// Stands in for the Docker engine until the Docker task library lands: a "container" is a local
/// /bin/sh process, created, started, waited on and read from like one. Real processes, no mocks.
/// </summary>
internal static class LocalProcesses
{
    private static readonly ConcurrentDictionary<string, (Process Process, StringBuilder Output)> Created = new();

    public static string Create(string image, string command)
    {
        var process = new Process
        {
            StartInfo = new ProcessStartInfo("/bin/sh", new[] { "-c", command })
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        process.StartInfo.Environment["IMAGE"] = image;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        var id = System.Guid.NewGuid().ToString("N")[..12];
        Created[id] = (process, output);
        return id;
    }

    public static void Start(string id)
    {
        var (process, _) = Created[id];
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static async System.Threading.Tasks.Task<int> WaitAsync(string id, System.Threading.CancellationToken cancellationToken)
    {
        var (process, _) = Created[id];
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }

    public static string Logs(string id)
    {
        var (process, output) = Created[id];
        if (process.HasExited)
        {
            process.WaitForExit();
        }
        lock (output)
        {
            return output.ToString();
        }
    }
}
