using Flows.Generators.Serialization;

namespace Flows.Generators.Model;

internal enum PodTaskKindSpec
{
    Sidecar,
    Container,
}

/// <summary>What [PodTask] or [ContainerTask] on a task method says (plain values, equatable).</summary>
/// <param name="PrimaryContainer">[PodTask]'s primary container name as written (may be null or blank: FLOW06x); "task" for a container task.</param>
/// <param name="Command">A container task's command; null when not given (the image's entrypoint).</param>
/// <param name="Args">A container task's args; null when not given.</param>
internal sealed record PodTaskAttributeSpec(
    PodTaskKindSpec Kind,
    string FlowName,
    string TaskName,
    string? PodSpecFile,
    string? PrimaryContainer,
    string? Image,
    EquatableArray<string>? Command,
    EquatableArray<string>? Args,
    string? CpuRequest,
    string? CpuLimit,
    string? MemoryRequest,
    string? MemoryLimit,
    EquatableArray<string> Environment,
    string AssemblyName)
{
    public const string ContainerTaskContainerName = "task";
}

/// <summary>The checked pod spec of one pod task, ready to emit: a whole v1 Pod as JSON.</summary>
/// <param name="PodJson">The user's Pod (a bare PodSpec is wrapped in apiVersion v1, kind Pod), or an empty Pod when there is no file.</param>
/// <param name="PodBaseName">The Pod name before the per-run suffix (<see cref="T:Flows.Manifests.TaskKubernetesNames"/>).</param>
internal sealed record PodSpecModel(string PodJson, string PrimaryContainerName, string PodBaseName);

/// <summary>One data input of a pod task that crosses into its pod: an upstream result or a flow parameter.</summary>
/// <param name="JsonTypeInfo">The generated JsonTypeInfo property for the value's type (see <see cref="JsonTypeCollector"/>).</param>
internal sealed record TaskDataSpec(string ParameterName, TaskArgumentKind Kind, int Index, string Type, string JsonTypeInfo);

/// <summary>A task's pod: the attribute, how its data crosses the pod boundary, and (container task) the partial method to implement.</summary>
/// <param name="PartialSignature">A container task's declaration to implement, e.g. <c>public static partial string Greet(string name)</c>.</param>
internal sealed record TaskPodSpec(
    PodTaskAttributeSpec Attribute,
    EquatableArray<TaskDataSpec> Inputs,
    string? ResultJsonTypeInfo,
    string? PartialSignature,
    bool ResultIsLog);

/// <summary>A pod task's index and its checked pod spec.</summary>
internal sealed record TaskPodModel(int TaskIndex, PodSpecModel Pod);
