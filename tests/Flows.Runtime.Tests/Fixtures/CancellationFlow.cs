using System.Threading;
using System.Threading.Tasks;
using Flows.Runtime.Tests.Support;

namespace Flows.Runtime.Tests.Fixtures;

/// <summary>Two long tasks (one honours its token, one ignores it), a task after them and an always_run clean-up.</summary>
[Flow("cancellation")]
internal static partial class CancellationFlow
{
    [FlowTask]
    public static string Prepare() => "ready";

    [FlowTask]
    public static async Task<int> LongRunning([FromTask(nameof(Prepare))] string input, TaskRunContext context, CancellationToken cancellationToken)
    {
        RunProbe.Of(context).Signal(nameof(LongRunning));
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return input.Length;
    }

    [FlowTask]
    [DependsOn(nameof(Prepare))]
    public static async Task Stubborn(TaskRunContext context)
    {
        var probe = RunProbe.Of(context);
        probe.Signal(nameof(Stubborn));
        await probe.Release.Task;
    }

    [FlowTask]
    [DependsOn(nameof(Stubborn))]
    public static int Downstream([FromTask(nameof(LongRunning))] int value) => value;

    [FlowTask(Trigger = TaskTrigger.AlwaysRun)]
    [DependsOn(nameof(LongRunning), nameof(Stubborn))]
    public static void CleanUp(TaskRunContext context, CancellationToken cancellationToken) =>
        RunProbe.Of(context).Record($"cleanup ran; token cancelled: {cancellationToken.IsCancellationRequested}");
}
