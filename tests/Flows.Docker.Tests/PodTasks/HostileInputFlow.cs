using Flows.Docker.Tests.Support;

namespace Flows.Docker.Tests.PodTasks;

/// <summary>
/// One input through each safe form of a container task, built by the Flows generator: as "$1" after a shell's script,
/// as an environment variable the script reads, and as an element of an exec-form command. Each prints the input
/// between &lt; and &gt; and nothing else, unless a command in the input ran: then its output is there too, and a
/// script that finds <see cref="Marker"/> (which an injected <c>touch</c> makes) prints <see cref="MarkerFound"/>.
/// </summary>
[Flow("hostile input")]
public static partial class HostileInputFlow
{
    public const string Marker = "/tmp/pwned";

    public const string MarkerFound = "MARKER FILE EXISTS";

    /// <summary>Appended to a script: run after the input was printed, in the same container.</summary>
    public const string CheckMarker = "; if [ -e " + Marker + " ]; then echo; echo '" + MarkerFound + "'; fi";

    [FlowTask]
    [ContainerTask(TestEngine.Image, Command = new[] { "sh", "-c", "printf '<%s>' \"$1\"" + CheckMarker, "sh", "{message}" })]
    public static partial string AsPositionalArgument([FlowParameter] string message);

    [FlowTask]
    [ContainerTask(TestEngine.Image, Command = new[] { "sh", "-c" }, Args = new[] { "printf '<%s>' \"$MESSAGE\"" + CheckMarker },
        Environment = new[] { "MESSAGE={message}" })]
    public static partial string AsEnvironmentVariable([FlowParameter] string message);

    [FlowTask]
    [ContainerTask(TestEngine.Image, Command = new[] { "busybox", "printf", "<%s>", "{message}" })]
    public static partial string AsExecFormArgument([FlowParameter] string message);
}
