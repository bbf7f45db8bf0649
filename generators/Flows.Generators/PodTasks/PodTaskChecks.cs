using System.Collections.Generic;
using System.Threading;
using Flows.Generators.Core;
using Flows.Generators.Kubernetes;

namespace Flows.Generators.PodTasks;

/// <summary>Checks the pod spec of each pod task of a flow, for the generator (the analyzer reports the problems).</summary>
internal static class PodTaskChecks
{
    /// <param name="pods">The flow's tasks in order: each one's pod, or null when it is not a pod task.</param>
    /// <returns>The checked pods by task index; HasErrors when one spec has errors (then nothing is emitted for the flow).</returns>
    public static (EquatableArray<TaskCheckedPod> Pods, bool HasErrors) Check(IReadOnlyList<TaskPodModel?> pods, EquatableArray<AdditionalYamlFile> files, string? projectDirectory, CancellationToken cancellationToken)
    {
        var checkedPods = new List<TaskCheckedPod>();
        for (var i = 0; i < pods.Count; i++)
        {
            if (pods[i] is not { } pod)
            {
                continue;
            }
            var text = pod.Attribute.PodSpecFile is { } file ? JobSpecFiles.Find(files, f => f.Path, projectDirectory, file)?.Text : null;
            if (PodSpecChecker.Check(pod.Attribute, text, report: null, cancellationToken) is not { } model)
            {
                return (EquatableArray<TaskCheckedPod>.Empty, true);
            }
            checkedPods.Add(new TaskCheckedPod(i, model));
        }
        return (checkedPods.ToEquatableArray(), false);
    }
}
