using Flows.Generators.Core;
using Flows.Generators.Flows;
using Flows.Generators.PodTasks;

namespace Flows.Generators.Kubernetes;

/// <summary>What [KubernetesJob] and [DockerStorage] on a flow class say (plain values, equatable).</summary>
internal sealed record KubernetesAttributeSpec(
    string? JobSpecFile,
    string? PrimaryContainer,
    string? Namespace,
    bool HasStorage,
    string Image,
    string AssemblyName);

/// <summary>A job spec file given to the compilation as an AdditionalFile.</summary>
internal sealed record AdditionalYamlFile(string Path, string Text);

/// <summary>The checked job spec, ready to emit: the user's Job as JSON and where the flow container is.</summary>
internal sealed record JobSpecModel(
    string? JobSpecFile,
    string JobJson,
    int PrimaryContainerIndex,
    string PrimaryContainerName,
    string JobBaseName,
    bool HasNamespace,
    bool HasTtlSecondsAfterFinished,
    string Image,
    string Namespace,
    string EntryPointPath,
    string FlowName);

/// <summary>A flow and, when it has a usable Kubernetes job environment, its job.</summary>
internal sealed record FlowWithJob(FlowSpec Flow, JobSpecModel? Job, string? ProjectFile)
{
    /// <summary>The checked pod spec of each pod task.</summary>
    public EquatableArray<TaskPodModel> Pods { get; init; }

    /// <summary>A pod task's spec has errors (the analyzer reports them): nothing is emitted for the flow.</summary>
    public bool HasPodErrors { get; init; }
}
