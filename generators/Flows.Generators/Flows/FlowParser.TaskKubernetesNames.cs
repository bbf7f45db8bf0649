using System.Collections.Generic;
using Flows.Generators.Core;
using Flows.Generators.Diagnostics;
using Flows.Generators.PodTasks;
using Microsoft.CodeAnalysis;

namespace Flows.Generators.Flows;

/// <summary>FLOW084: two pod tasks of a flow whose pod names (<see cref="T:Flows.Manifests.TaskKubernetesNames"/>) are the same.</summary>
internal sealed partial class FlowParser
{
    /// <remarks>
    /// The shared rule makes every name a valid DNS label, so only a collision is left to report: a hash collision, or a
    /// PascalCase name that spells another name's hashed form. Their <c>flows_task</c> labels cannot collide: a method name
    /// has no '-', and a hashed label always has one.
    /// </remarks>
    private void CheckTaskKubernetesNames(List<(IMethodSymbol Method, AttributeData Attribute)> methods, List<TaskModel> tasks)
    {
        var firstByPodName = new Dictionary<string, string>(System.StringComparer.Ordinal);
        for (var i = 0; i < tasks.Count; i++)
        {
            if (tasks[i].Pod is null)
            {
                continue;
            }
            var podName = global::Flows.Manifests.TaskKubernetesNames.PodNamePart(tasks[i].Name);
            if (!firstByPodName.TryGetValue(podName, out var first))
            {
                firstByPodName[podName] = tasks[i].Name;
                continue;
            }
            var (podTask, containerTask) = PodTaskAttributeReader.Find(methods[i].Method);
            Report(DiagnosticDescriptors.TaskKubernetesNameCollision, AttributeLocations.Of((containerTask ?? podTask)!, _cancellationToken),
                first, tasks[i].Name, _flowName, podName);
        }
    }
}
