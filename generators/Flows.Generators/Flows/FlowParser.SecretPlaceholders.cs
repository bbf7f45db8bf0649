using System.Collections.Generic;
using System.Linq;
using Flows.Generators.Core;
using Flows.Generators.Diagnostics;
using Flows.Generators.PodTasks;
using Microsoft.CodeAnalysis;

namespace Flows.Generators.Flows;

/// <summary>FLOW086: a secret flow parameter expanded into a container task's Command or Args, which the Pod shows to anyone who can read it.</summary>
internal sealed partial class FlowParser
{
    /// <remarks>Run after every task is read: one task marking a shared flow parameter secret makes it secret for all.</remarks>
    private void CheckSecretPlaceholders(List<(IMethodSymbol Method, AttributeData Attribute)> methods, List<TaskModel> tasks, List<FlowParameterModel> flowParameters)
    {
        for (var i = 0; i < tasks.Count; i++)
        {
            if (tasks[i].Pod is not { Attribute.Kind: PodTaskModelKind.Container } pod)
            {
                continue;
            }
            var secretInputs = pod.Inputs
                .Where(input => input.Kind == TaskArgumentKind.FlowParameter && input.Index >= 0 && input.Index < flowParameters.Count && flowParameters[input.Index].IsSecret)
                .ToDictionary(input => input.ParameterName, input => flowParameters[input.Index].Name, System.StringComparer.Ordinal);
            if (secretInputs.Count == 0)
            {
                continue;
            }
            var attribute = PodTaskAttributeReader.Find(methods[i].Method).ContainerTask!;
            foreach (var (argument, values) in new[] { ("Command", pod.Attribute.Command), ("Args", pod.Attribute.Args) })
            {
                if (values is not { } strings)
                {
                    continue;
                }
                foreach (var placeholder in strings.SelectMany(ContainerArgv.Placeholders).Distinct())
                {
                    if (secretInputs.TryGetValue(placeholder, out var parameterName))
                    {
                        Report(DiagnosticDescriptors.SecretParameterInContainerArgs, AttributeLocations.OfNamedArgument(attribute, argument, _cancellationToken),
                            tasks[i].Name, parameterName, argument, placeholder, EnvironmentName(placeholder));
                    }
                }
            }
        }
    }

    /// <summary>The variable the message suggests for a placeholder: <c>apiToken</c> → <c>API_TOKEN</c>.</summary>
    private static string EnvironmentName(string placeholder)
    {
        var name = new System.Text.StringBuilder();
        for (var i = 0; i < placeholder.Length; i++)
        {
            var c = placeholder[i];
            if (char.IsUpper(c) && i > 0 && char.IsLower(placeholder[i - 1]))
            {
                name.Append('_');
            }
            name.Append(char.ToUpperInvariant(c));
        }
        return name.ToString();
    }
}
