using Microsoft.CodeAnalysis;

namespace Flows.Generators.Diagnostics;

/// <summary>How a pod task ([PodTask], [ContainerTask]) is declared in C#: FLOW050–FLOW059.</summary>
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor PodTaskDataNotSerializable = Error("FLOW050",
        "A pod task's input or result cannot be serialized",
        "Task '{0}' runs in its own pod, so its {1} of type '{2}' crosses into the pod as JSON, and '{2}' cannot be serialized: {3}. " +
        "Use strings, numbers, enums, arrays, List<T>, Dictionary<string, T>, or records and classes with public properties of such types.");

    public static readonly DiagnosticDescriptor ContainerTaskDeclaration = Error("FLOW051",
        "A container task must be a body-less static partial method",
        "Container task '{0}' {1}: declare it as 'public static partial string {0}(...);' (the container's log is its result) or 'public static partial void {0}(...);' without a body; Flows implements it");

    public static readonly DiagnosticDescriptor PodTaskKindConflict = Error("FLOW052",
        "A task has both [PodTask] and [ContainerTask]",
        "Task '{0}' has both [PodTask] and [ContainerTask]: keep [PodTask] to run its C# body in a pod with sidecars, or [ContainerTask] to run an image instead");

    public static readonly DiagnosticDescriptor PodTaskWithoutStorage = Error("FLOW053",
        "A pod task needs the flow's image",
        "Pod task '{0}' runs its body in the flow's image, and flow '{1}' has none: add [DockerStorage(RegistryUrl = ..., ImageName = ..., ImageTag = ...)] to '{2}'");

    public static readonly DiagnosticDescriptor UnknownContainerTaskPlaceholder = Error("FLOW054",
        "A container task placeholder names no parameter",
        "Container task '{0}' uses '{{{1}}}' in {2}, and it has no data parameter named '{1}': add a parameter '{1}' bound with [FromTask] or [FlowParameter], or write '{{{{' and '}}}}' for literal braces. Its data parameters: {3}");

    public static readonly DiagnosticDescriptor PodTaskWithoutFlowTask = Error("FLOW055",
        "[PodTask] or [ContainerTask] without [FlowTask]",
        "Method '{0}' has [{1}] but is not a task: add [FlowTask]");
}
