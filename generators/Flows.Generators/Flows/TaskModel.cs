using Flows.Generators.Core;
using Flows.Generators.PodTasks;

namespace Flows.Generators.Flows;

internal enum TaskReturnKind
{
    Void,
    Value,
    Task,
    TaskOfValue,
    ValueTask,
    ValueTaskOfValue,
}

/// <summary>One task: its method, how to call it, what it returns and where its inputs come from.</summary>
internal sealed record TaskModel(
    string Name,
    TaskReturnKind ReturnKind,
    string? ResultType,
    string? ResultTypeDisplay,
    string Trigger,
    int Retries,
    long RetryDelayTicks,
    long TimeoutTicks,
    EquatableArray<TaskArgumentModel> Arguments,
    EquatableArray<TaskEdgeModel> Upstream)
{
    /// <summary>[PodTask] or [ContainerTask], when the task has one.</summary>
    public TaskPodModel? Pod { get; init; }
}

/// <param name="Index">For an upstream argument, the upstream task's index; for a flow parameter, the parameter's index.</param>
internal sealed record TaskArgumentModel(TaskArgumentKind Kind, int Index);

internal sealed record TaskEdgeModel(int UpstreamIndex, bool IsData, string? ParameterName);
