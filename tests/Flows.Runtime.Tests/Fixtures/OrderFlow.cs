using System.Threading.Tasks;
using Flows.Runtime.Tests.Support;

namespace Flows.Runtime.Tests.Fixtures;

/// <summary>A diamond with an ordering-only edge: Extract -> (Left, Right); Right -> Audit (order); Left, Right, Audit -> Load.</summary>
[Flow("order")]
internal static partial class OrderFlow
{
    [FlowTask]
    public static async Task<int> Extract(TaskRunContext context) => await Step(context, 1);

    [FlowTask]
    public static async Task<int> Left([FromTask(nameof(Extract))] int value, TaskRunContext context) => await Step(context, value + 10);

    [FlowTask]
    public static async Task<int> Right([FromTask(nameof(Extract))] int value, TaskRunContext context) => await Step(context, value + 100);

    [FlowTask]
    [DependsOn(nameof(Right))]
    public static async Task Audit(TaskRunContext context) => await Step(context, 0);

    [FlowTask]
    [DependsOn(nameof(Audit))]
    public static async Task<int> Load([FromTask(nameof(Left))] int left, [FromTask(nameof(Right))] int right, TaskRunContext context) =>
        await Step(context, left + right);

    private static async Task<int> Step(TaskRunContext context, int result)
    {
        var probe = RunProbe.Of(context);
        probe.Record("start:" + context.TaskName);
        await Task.Yield();
        probe.Record("end:" + context.TaskName);
        return result;
    }
}
