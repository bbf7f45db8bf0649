using System.Collections.Generic;
using System.Linq;
using Flows.Generators.Core;
using Flows.Generators.Diagnostics;
using Flows.Generators.PodTasks;
using Microsoft.CodeAnalysis;

namespace Flows.Generators.Flows;

/// <summary>FLOW079: a container task's input placeholder inside the script of a shell (<c>sh -c "echo {msg}"</c>), where it would be code.</summary>
internal sealed partial class FlowParser
{
    /// <summary>
    /// Reports each script element of the container's argv (Command then Args) that has placeholders of the task's inputs.
    /// Placeholders in the arguments after a script, in other elements and in Environment stay one value each, so they are fine.
    /// </summary>
    private void CheckShellScripts(AttributeData attribute, string taskName, List<TaskDataModel> inputs)
    {
        var inputNames = new HashSet<string>(inputs.Select(i => i.ParameterName), System.StringComparer.Ordinal);
        var argv = ContainerArgv.Of(attribute);
        if (ShellInvocation.Find(argv.Values) is not { } shell)
        {
            return;
        }
        for (var i = shell.ScriptStart; i < shell.ScriptEnd; i++)
        {
            var placeholders = ContainerArgv.Placeholders(argv.Values[i]).Where(inputNames.Contains).ToList();
            if (placeholders.Count == 0)
            {
                continue;
            }
            var (argument, element) = argv.Source(i);
            Report(DiagnosticDescriptors.PlaceholderInShellScript, AttributeElementLocations.Of(attribute, argument, element, _cancellationToken),
                taskName, string.Join(" and ", placeholders.Select(p => $"'{{{p}}}'")), ShellScriptAdvice.Describe(shell, argv.Values),
                $"{argument}[{element}]", ShellScriptAdvice.For(shell, placeholders[0]));
        }
    }
}
