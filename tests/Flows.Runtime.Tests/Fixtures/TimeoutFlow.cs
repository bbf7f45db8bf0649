using System.Threading;
using System.Threading.Tasks;
using Flows.Runtime.Tests.Support;

namespace Flows.Runtime.Tests.Fixtures;

/// <summary>Tasks with a short timeout: one honours its token, two ignore it (async and blocking), one finishes in time.</summary>
[Flow("timeouts")]
internal static partial class TimeoutFlow
{
    [FlowTask(TimeoutSeconds = 0.1)]
    public static Task HonoursToken(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

    [FlowTask(TimeoutSeconds = 0.1)]
    public static Task IgnoresToken(TaskRunContext context) => RunProbe.Of(context).Release.Task;

    [FlowTask(TimeoutSeconds = 0.1)]
    public static void BlocksIgnoringToken(TaskRunContext context) => RunProbe.Of(context).Release.Task.Wait();

    [FlowTask(TimeoutSeconds = 30)]
    public static int FinishesInTime() => 7;

    [FlowTask]
    [DependsOn(nameof(HonoursToken))]
    public static void AfterTimeout()
    {
    }
}
