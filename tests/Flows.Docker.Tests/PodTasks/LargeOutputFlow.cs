using Flows.Docker.Tests.Support;

namespace Flows.Docker.Tests.PodTasks;

/// <summary>Container tasks whose output is over Flows' limits (<see cref="PodTaskOutputLimits"/>).</summary>
[Flow("large output")]
public static partial class LargeOutputFlow
{
    /// <summary>3 MiB of 41-byte lines, as its string result: over the 1 MiB a result may be.</summary>
    [FlowTask]
    [ContainerTask(TestEngine.Image, Command = new[] { "sh", "-c", "yes 0123456789012345678901234567890123456789 | head -c 3145728" })]
    public static partial string ThreeMegabytesAsResult();

    /// <summary>One 1 MiB line without a line break, then a short line: the long one is cut at 64 KiB, the task is void.</summary>
    [FlowTask]
    [ContainerTask(TestEngine.Image, Command = new[] { "sh", "-c", "head -c 1048576 /dev/zero | tr '\\000' x; echo; echo after the long line" })]
    public static partial void OneMegabyteLine();
}
