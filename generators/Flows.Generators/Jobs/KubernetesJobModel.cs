namespace Flows.Generators.Jobs;

/// <summary>What [KubernetesJob] and [DockerStorage] on a flow class say (plain values, equatable).</summary>
internal sealed record KubernetesJobModel(
    string? JobSpecFile,
    string? PrimaryContainer,
    string? Namespace,
    bool HasStorage,
    string Image,
    string AssemblyName);
