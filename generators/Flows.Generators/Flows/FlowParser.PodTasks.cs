using System.Collections.Generic;
using System.Linq;
using Flows.Generators.Core;
using Flows.Generators.Diagnostics;
using Flows.Generators.PodTasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Flows.Generators.Flows;

/// <summary>The C# side of pod tasks: their data crossing into the pod, and a container task's declaration.</summary>
internal sealed partial class FlowParser
{
    private const string GeneratedFileSuffix = ".ContainerTasks.g.cs";

    private void ReportPodTaskWithoutFlowTask(IMethodSymbol method)
    {
        var (podTask, containerTask) = PodTaskAttributeReader.Find(method);
        if ((podTask ?? containerTask) is { } attribute)
        {
            Report(DiagnosticDescriptors.PodTaskWithoutFlowTask, AttributeLocations.Of(attribute, _cancellationToken), method.Name,
                podTask is not null ? "PodTask" : "ContainerTask");
        }
    }

    private TaskPodModel? ReadPod(IMethodSymbol method, EquatableArray<TaskArgumentModel> arguments, List<(IMethodSymbol Method, AttributeData Attribute)> methods)
    {
        var (podTask, containerTask) = PodTaskAttributeReader.Find(method);
        if (podTask is null && containerTask is null)
        {
            return null;
        }
        if (podTask is not null && containerTask is not null)
        {
            // Read on as a container task: its implementation is still generated, so that the compiler reaches the analyzers.
            Report(DiagnosticDescriptors.PodTaskKindConflict, AttributeLocations.Of(containerTask, _cancellationToken), method.Name);
            podTask = null;
        }

        var inputs = ReadPodInputs(method, arguments, methods);
        var (kind, resultType) = ClassifyReturn(method);
        string? resultInfo = null;
        string? partialSignature = null;
        var resultIsLog = false;
        if (containerTask is not null)
        {
            partialSignature = CheckContainerTaskDeclaration(method, kind, resultType, out resultIsLog);
            CheckPlaceholders(method, containerTask, inputs);
            CheckShellScripts(containerTask, method.Name, inputs);
        }
        else
        {
            if (resultType is not null)
            {
                resultInfo = _json.Add(resultType, out var reason);
                if (resultInfo is null)
                {
                    Report(DiagnosticDescriptors.PodTaskDataNotSerializable, method.Locations.FirstOrDefault(), method.Name, "result",
                        resultType.ToDisplayString(), reason);
                }
            }
            if (_storage is null)
            {
                Report(DiagnosticDescriptors.PodTaskWithoutStorage, AttributeLocations.Of(podTask!, _cancellationToken), method.Name, _flowName, _flowType.Name);
            }
        }
        var attribute = PodTaskAttributeReader.Read(method, podTask ?? containerTask, _flowName, _compilation)!;
        return new TaskPodModel(attribute, inputs.ToEquatableArray(), resultInfo, partialSignature, resultIsLog);
    }

    /// <summary>The task's upstream results and flow parameters, each with the JSON metadata of the value as the flow stores it.</summary>
    private List<TaskDataModel> ReadPodInputs(IMethodSymbol method, EquatableArray<TaskArgumentModel> arguments, List<(IMethodSymbol Method, AttributeData Attribute)> methods)
    {
        var inputs = new List<TaskDataModel>();
        for (var i = 0; i < method.Parameters.Length && i < arguments.Count; i++)
        {
            var parameter = method.Parameters[i];
            var argument = arguments[i];
            ITypeSymbol? type = argument.Kind switch
            {
                TaskArgumentKind.Upstream when argument.Index >= 0 => ClassifyReturn(methods[argument.Index].Method).ResultType,
                TaskArgumentKind.FlowParameter => parameter.Type,
                _ => null,
            };
            if (type is null)
            {
                continue;
            }
            var info = _json.Add(type, out var reason);
            if (info is null)
            {
                Report(DiagnosticDescriptors.PodTaskDataNotSerializable, parameter.Locations.FirstOrDefault(), method.Name, $"input '{parameter.Name}'",
                    type.ToDisplayString(), reason);
            }
            inputs.Add(new TaskDataModel(parameter.Name, argument.Kind, argument.Index, type.ToDisplayString(FullyQualified), info ?? ""));
        }
        return inputs;
    }

    /// <summary>The declaration the generator implements; null after reporting FLOW051.</summary>
    private string? CheckContainerTaskDeclaration(IMethodSymbol method, TaskReturnKind kind, ITypeSymbol? resultType, out bool resultIsLog)
    {
        resultIsLog = false;
        var location = method.Locations.FirstOrDefault();
        if (!method.IsPartialDefinition)
        {
            Report(DiagnosticDescriptors.ContainerTaskDeclaration, location, method.Name, "has a body or is not partial");
            return null;
        }
        if (method.PartialImplementationPart is { } implementation
            && !implementation.DeclaringSyntaxReferences.All(r => r.SyntaxTree.FilePath.EndsWith(GeneratedFileSuffix, System.StringComparison.Ordinal)))
        {
            Report(DiagnosticDescriptors.ContainerTaskDeclaration, implementation.Locations.FirstOrDefault() ?? location, method.Name, "already has an implementation");
            return null;
        }
        if (resultType is not null)
        {
            if (resultType.SpecialType != SpecialType.System_String)
            {
                Report(DiagnosticDescriptors.ContainerTaskDeclaration, location, method.Name, $"returns '{resultType.ToDisplayString()}', and its only result is its log");
                return null;
            }
            resultIsLog = true;
        }
        var accessibility = SyntaxFacts.GetText(method.DeclaredAccessibility);
        var parameters = string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString(FullyQualified) + " " + GeneratedCode.Identifier(p.Name)));
        return $"{accessibility} static partial {method.ReturnType.ToDisplayString(FullyQualified)} {GeneratedCode.Identifier(method.Name)}({parameters})";
    }

    private void CheckPlaceholders(IMethodSymbol method, AttributeData attribute, List<TaskDataModel> inputs)
    {
        var names = new HashSet<string>(inputs.Select(i => i.ParameterName), System.StringComparer.Ordinal);
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key is not ("Command" or "Args" or "Environment") || argument.Value.Kind != TypedConstantKind.Array || argument.Value.IsNull)
            {
                continue;
            }
            foreach (var value in argument.Value.Values.Select(v => v.Value as string ?? ""))
            {
                foreach (var placeholder in global::Flows.Manifests.InputPlaceholders.Parse(value).Where(p => p.IsPlaceholder).Select(p => p.Text))
                {
                    if (!names.Contains(placeholder))
                    {
                        Report(DiagnosticDescriptors.UnknownContainerTaskPlaceholder, AttributeLocations.OfNamedArgument(attribute, argument.Key, _cancellationToken),
                            method.Name, placeholder, argument.Key, names.Count == 0 ? "none" : string.Join(", ", names.OrderBy(n => n, System.StringComparer.Ordinal)));
                    }
                }
            }
        }
    }
}
