using System;
using System.Collections.Generic;

namespace Flows.Runtime.Tests.Fixtures;

/// <summary>What a task saw of its <see cref="TaskRunContext"/>.</summary>
internal sealed record ContextSnapshot(string FlowName, string FlowRunId, string TaskName, int Attempt, IReadOnlyDictionary<string, string> Environment);

/// <summary>Tasks that return a snapshot of their context; the second one only on its second attempt.</summary>
[Flow("context")]
internal static partial class ContextFlow
{
    [FlowTask]
    public static ContextSnapshot Inspect(TaskRunContext context) => Snapshot(context);

    [FlowTask(Retries = 1)]
    public static ContextSnapshot InspectOnRetry(TaskRunContext context) =>
        context.Attempt == 1 ? throw new InvalidOperationException("first attempt fails") : Snapshot(context);

    private static ContextSnapshot Snapshot(TaskRunContext context) =>
        new(context.FlowName, context.FlowRunId, context.TaskName, context.Attempt, context.Environment);
}
