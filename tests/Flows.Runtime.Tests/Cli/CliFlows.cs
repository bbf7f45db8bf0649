using System;
using System.Threading;
using System.Threading.Tasks;
using Flows.Runtime.Tests.Support;

namespace Flows.Runtime.Tests.Cli;

/// <summary>A data edge, an ordering edge and a non-default trigger, for run, graph and list.</summary>
[Flow("cli hello", Description = "fetch, measure, report")]
internal static partial class CliHelloFlow
{
    [FlowTask]
    public static string Fetch() => "data";

    [FlowTask(Retries = 2, RetryDelaySeconds = 0.5, TimeoutSeconds = 10)]
    public static int Measure([FromTask(nameof(Fetch))] string data) => data.Length;

    [FlowTask(Trigger = TaskTrigger.AllFinished)]
    [DependsOn(nameof(Measure))]
    public static void Report()
    {
    }
}

[Flow("cli failing")]
internal static partial class CliFailingFlow
{
    [FlowTask]
    public static void Explode() => throw new InvalidOperationException("boom");
}

[Flow("cli params")]
internal static partial class CliParamsFlow
{
    [FlowTask]
    public static string Greet([FlowParameter("who", Description = "Whom to greet")] string who, [FlowParameter("times")] int times = 1) =>
        string.Concat(System.Linq.Enumerable.Repeat("hi " + who + ";", times));
}

[Flow("cli cancel")]
internal static partial class CliCancelFlow
{
    [FlowTask]
    public static async Task Wait(TaskRunContext context, CancellationToken cancellationToken)
    {
        RunProbe.Of(context).Signal(nameof(Wait));
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
