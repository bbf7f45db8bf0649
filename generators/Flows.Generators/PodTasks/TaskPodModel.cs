using Flows.Generators.Core;

namespace Flows.Generators.PodTasks;

/// <summary>A task's pod: the attribute, how its data crosses the pod boundary, and (container task) the partial method to implement.</summary>
/// <param name="PartialSignature">A container task's declaration to implement, e.g. <c>public static partial string Greet(string name)</c>.</param>
internal sealed record TaskPodModel(
    PodTaskAttributeModel Attribute,
    EquatableArray<TaskDataModel> Inputs,
    string? ResultJsonTypeInfo,
    string? PartialSignature,
    bool ResultIsLog);
