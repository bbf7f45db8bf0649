using Flows.Generators.Core;
using Flows.Generators.Jobs;
using Flows.Generators.Storage;
using Flows.Generators.TaskData;

namespace Flows.Generators.Flows;

/// <summary>
/// Everything the emitter needs to know about one flow class: plain strings and numbers only (no
/// symbols, syntax or compilation), so that the pipeline can compare it and cache what depends on it.
/// </summary>
internal sealed record FlowModel(
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string TypeKeyword,
    string TypeName,
    string FullyQualifiedTypeName,
    string DisplayTypeName,
    string Name,
    string? Description,
    EquatableArray<TaskModel> Tasks,
    EquatableArray<FlowParameterModel> Parameters,
    EquatableArray<int> TopologicalOrder,
    bool HasErrors)
{
    /// <summary>[KubernetesJob] (with what it needs of [DockerStorage]), when the flow has it.</summary>
    public KubernetesJobModel? Kubernetes { get; init; }

    /// <summary>[DockerStorage], when the flow has it.</summary>
    public DockerStorageModel? Storage { get; init; }

    /// <summary>The types whose JSON metadata pod tasks need.</summary>
    public EquatableArray<JsonTypeModel> JsonTypes { get; init; }
}

/// <summary>A type that contains the flow class, e.g. <c>partial class Outer</c>.</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name);
