namespace Flows.Generators.PodTasks;

/// <summary>The checked pod spec of one pod task, ready to emit: a whole v1 Pod as JSON.</summary>
/// <param name="PodJson">The user's Pod (a bare PodSpec is wrapped in apiVersion v1, kind Pod), or an empty Pod when there is no file.</param>
/// <param name="PodBaseName">The Pod name before the per-run suffix (<see cref="T:Flows.Manifests.TaskKubernetesNames"/>).</param>
internal sealed record PodSpecModel(string PodJson, string PrimaryContainerName, string PodBaseName);
