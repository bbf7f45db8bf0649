using System.Collections.Generic;
using Flows.Docker.LocalJobs.Pods;

namespace Flows.Docker.LocalJobs.Running;

/// <summary>
/// The labels on every container and volume that <c>run-job-locally</c> creates. Find a run's leftovers with
/// <c>docker ps -a --filter label=flows.local-job.identifier=ID</c> (and <c>docker volume ls</c> with the same filter).
/// They are not <see cref="FlowsContainerLabels"/>: a flow running inside the pod, on the same engine, must not take
/// the pod's containers for its own and clean them up.
/// </summary>
public static class LocalJobLabels
{
    /// <summary>The run's identifier (the Job's <c>identifier</c> label).</summary>
    public const string Identifier = "flows.local-job.identifier";

    public const string JobName = "flows.local-job.job-name";

    public const string PodName = "flows.local-job.pod-name";

    /// <summary>The Job's <c>flow_run_id</c> label, when it has one.</summary>
    public const string FlowRunId = "flows.local-job.flow-run-id";

    /// <summary>The container's name in the pod spec (<c>POD</c> for the infra container); on containers only.</summary>
    public const string Container = "flows.local-job.container";

    /// <summary><c>infra</c>, <c>init</c>, <c>sidecar</c>, <c>container</c> or <c>volume</c>.</summary>
    public const string Role = "flows.local-job.role";

    /// <summary>The filter that finds everything of the run whose identifier is <paramref name="identifier"/>.</summary>
    public static string Filter(string identifier) => $"{Identifier}={identifier}";

    internal static Dictionary<string, string> For(LocalPod pod, string role, string? container = null)
    {
        var labels = new Dictionary<string, string>
        {
            [Identifier] = pod.Identifier,
            [JobName] = pod.JobName,
            [PodName] = pod.Name,
            [Role] = role,
        };
        if (pod.FlowRunId is { } flowRunId)
        {
            labels[FlowRunId] = flowRunId;
        }
        if (container is not null)
        {
            labels[Container] = container;
        }
        return labels;
    }
}
