using Flows.Generators.Core;

namespace Flows.Generators.PodTasks;

internal enum PodTaskModelKind
{
    Sidecar,
    Container,
}

/// <summary>What [PodTask] or [ContainerTask] on a task method says (plain values, equatable).</summary>
/// <param name="PrimaryContainer">[PodTask]'s primary container name as written (may be null or blank: FLOW06x); "task" for a container task.</param>
/// <param name="Command">A container task's command; null when not given (the image's entrypoint).</param>
/// <param name="Args">A container task's args; null when not given.</param>
internal sealed record PodTaskAttributeModel(
    PodTaskModelKind Kind,
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
