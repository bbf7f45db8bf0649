using Flows.Generators.Core;
using Flows.Generators.Kubernetes;
using Flows.Generators.PodTasks;
using Flows.Generators.Storage;
using Flows.Generators.TaskData;

namespace Flows.Generators.Flows;

/// <summary>
/// Everything the emitter needs to know about one flow class: plain strings and numbers only (no
/// symbols, syntax or compilation), so that the pipeline can compare it and cache what depends on it.
/// </summary>
internal sealed record FlowSpec(
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string TypeKeyword,
    string TypeName,
    string FullyQualifiedTypeName,
    string DisplayTypeName,
    string Name,
    string? Description,
    EquatableArray<TaskSpec> Tasks,
    EquatableArray<FlowParameterSpec> Parameters,
    EquatableArray<int> TopologicalOrder,
    bool HasErrors)
{
    /// <summary>[KubernetesJob] and [DockerStorage], when the flow has them.</summary>
    public KubernetesAttributeSpec? Kubernetes { get; init; }

    /// <summary>[DockerStorage], when the flow has it.</summary>
    public DockerStorageSpec? Storage { get; init; }

    /// <summary>The types whose JSON metadata pod tasks need.</summary>
    public EquatableArray<JsonTypeSpec> JsonTypes { get; init; }
}

/// <summary>A type that contains the flow class, e.g. <c>partial class Outer</c>.</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);

internal enum TaskReturnKind
{
    Void,
    Value,
    Task,
    TaskOfValue,
    ValueTask,
    ValueTaskOfValue,
}

internal enum TaskArgumentKind
{
    Upstream,
    FlowParameter,
    CancellationToken,
    Context,
}

/// <summary>One task: its method, how to call it, what it returns and where its inputs come from.</summary>
internal sealed record TaskSpec(
    string Name,
    TaskReturnKind ReturnKind,
    string? ResultType,
    string? ResultTypeDisplay,
    string Trigger,
    int Retries,
    long RetryDelayTicks,
    long TimeoutTicks,
    EquatableArray<TaskArgumentSpec> Arguments,
    EquatableArray<TaskEdgeSpec> Upstream)
{
    /// <summary>[PodTask] or [ContainerTask], when the task has one.</summary>
    public TaskPodSpec? Pod { get; init; }
}

/// <param name="Index">For an upstream argument, the upstream task's index; for a flow parameter, the parameter's index.</param>
internal sealed record TaskArgumentSpec(TaskArgumentKind Kind, int Index);

internal sealed record TaskEdgeSpec(int UpstreamIndex, bool IsData, string? ParameterName);

/// <summary>A flow parameter; several task parameters may share it.</summary>
internal sealed record FlowParameterSpec(
    string Name,
    string Type,
    string TypeDisplay,
    bool IsEnum,
    string? DefaultExpression,
    string? DefaultDisplay,
    string? Description,
    bool IsSecret = false);

/// <summary>What the registration and entrypoint need of a flow.</summary>
internal sealed record FlowReference(string FullyQualifiedTypeName, bool HasErrors);
