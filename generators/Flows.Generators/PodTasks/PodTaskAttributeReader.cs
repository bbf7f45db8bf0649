using System.Collections.Generic;
using System.Linq;
using Flows.Generators.Core;
using Microsoft.CodeAnalysis;

namespace Flows.Generators.PodTasks;

/// <summary>Reads [PodTask] or [ContainerTask] from a task method.</summary>
internal static class PodTaskAttributeReader
{
    public const string PodTaskAttribute = "Flows.PodTaskAttribute";
    public const string ContainerTaskAttribute = "Flows.ContainerTaskAttribute";

    /// <summary>The method's [PodTask] and [ContainerTask] attributes (a method with both is an error).</summary>
    public static (AttributeData? PodTask, AttributeData? ContainerTask) Find(IMethodSymbol method)
    {
        AttributeData? podTask = null, containerTask = null;
        foreach (var attribute in method.GetAttributes())
        {
            var name = attribute.AttributeClass?.ToDisplayString();
            if (name == PodTaskAttribute)
            {
                podTask = attribute;
            }
            else if (name == ContainerTaskAttribute)
            {
                containerTask = attribute;
            }
        }
        return (podTask, containerTask);
    }

    public static PodTaskAttributeModel? Read(IMethodSymbol method, AttributeData? attribute, string flowName, Compilation compilation)
    {
        if (attribute is null)
        {
            return null;
        }
        var isContainer = attribute.AttributeClass?.ToDisplayString() == ContainerTaskAttribute;
        var first = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
        var second = attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArguments[1].Value as string : null;
        var podSpecFile = isContainer ? Named(attribute, "PodSpecFile") : first;
        return new PodTaskAttributeModel(
            Kind: isContainer ? PodTaskModelKind.Container : PodTaskModelKind.Sidecar,
            FlowName: flowName,
            TaskName: method.Name,
            PodSpecFile: string.IsNullOrWhiteSpace(podSpecFile) ? null : podSpecFile,
            PrimaryContainer: isContainer ? PodTaskAttributeModel.ContainerTaskContainerName : second,
            Image: isContainer ? first : null,
            Command: NamedStrings(attribute, "Command"),
            Args: NamedStrings(attribute, "Args"),
            CpuRequest: Named(attribute, "CpuRequest"),
            CpuLimit: Named(attribute, "CpuLimit"),
            MemoryRequest: Named(attribute, "MemoryRequest"),
            MemoryLimit: Named(attribute, "MemoryLimit"),
            Environment: NamedStrings(attribute, "Environment") ?? EquatableArray<string>.Empty,
            AssemblyName: compilation.AssemblyName ?? "app");
    }

    private static string? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;

    private static EquatableArray<string>? NamedStrings(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Kind == TypedConstantKind.Array && !argument.Value.IsNull)
            {
                return argument.Value.Values.Select(v => v.Value as string ?? "").ToEquatableArray();
            }
        }
        return null;
    }
}
