using System.Threading;
using System.Threading.Tasks;
using Flows.Runtime.Tests.Support;

namespace Flows.Runtime.Tests.Fixtures;

/// <summary>Two independent tasks; each waits for the signal "Left"/"Right" of the other, or (Sequential) only counts.</summary>
[Flow("parallel")]
internal static partial class ParallelFlow
{
    public const string Meet = "meet";

    [FlowTask]
    public static Task Left(TaskRunContext context, [FlowParameter("mode")] string mode, CancellationToken cancellationToken) =>
        Enter(context, mode, other: nameof(Right), cancellationToken);

    [FlowTask]
    public static Task Right(TaskRunContext context, [FlowParameter("mode")] string mode, CancellationToken cancellationToken) =>
        Enter(context, mode, other: nameof(Left), cancellationToken);

    private static async Task Enter(TaskRunContext context, string mode, string other, CancellationToken cancellationToken)
    {
        var probe = RunProbe.Of(context);
        using var running = probe.EnterRunning();
        probe.Record("start:" + context.TaskName);
        if (mode == Meet)
        {
            // A rendezvous: completes only when both tasks are running at the same time.
            probe.Signal(context.TaskName);
            await probe.WhenSignalled(other).WaitAsync(cancellationToken);
        }
        else
        {
            // Gives the other task a window in which it would overlap if the scheduler let it.
            await Task.Delay(30, cancellationToken);
        }
        probe.Record("end:" + context.TaskName);
    }
}
