using System;
using System.Collections.Generic;
using System.Linq;

namespace Flows.Docker.LocalJobs.Pods;

/// <summary>
/// The pod of a Job, read and checked (<see cref="Manifests.PodSpecReader"/>), ready to run on a Docker engine: one
/// attempt of the Job's pod, as a kubelet would run it.
/// </summary>
public sealed record LocalPod
{
    /// <summary>The pod's name: the Job's name and five random characters, as the Job controller names its pods.</summary>
    public required string Name { get; init; }

    public required string Namespace { get; init; }

    public required string Uid { get; init; }

    /// <summary>The Job's <c>metadata.name</c> (the Pod's, for a bare Pod).</summary>
    public required string JobName { get; init; }

    /// <summary>The manifest was a Pod, not a Job.</summary>
    public bool IsBarePod { get; init; }

    /// <summary>The run's identifier (the Job's <c>identifier</c> label), on every container and volume the run creates.</summary>
    public required string Identifier { get; init; }

    /// <summary>The Job's <c>flow_run_id</c> label, when it has one.</summary>
    public string? FlowRunId { get; init; }

    /// <summary>The pod's hostname: <c>spec.hostname</c>, else the pod name (at most 63 characters).</summary>
    public required string Hostname { get; init; }

    /// <summary>The pod template's labels, plus <c>job-name</c> and <c>controller-uid</c> as the Job controller adds them.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<LocalVolume> Volumes { get; init; } = [];

    /// <summary>In order; those with <see cref="LocalContainerRole.Sidecar"/> keep running (native sidecars).</summary>
    public IReadOnlyList<LocalContainer> InitContainers { get; init; } = [];

    public required IReadOnlyList<LocalContainer> Containers { get; init; }

    /// <summary>The flow container: its output is the run's output and its exit code the run's result.</summary>
    public required string PrimaryContainerName { get; init; }

    public bool HostNetwork { get; init; }

    public bool HostPid { get; init; }

    public bool HostIpc { get; init; }

    public bool ShareProcessNamespace { get; init; }

    /// <summary><c>spec.terminationGracePeriodSeconds</c> when the pod sets it.</summary>
    public TimeSpan? TerminationGracePeriod { get; init; }

    /// <summary>The shorter of the Job's and the pod's <c>activeDeadlineSeconds</c>, when set.</summary>
    public TimeSpan? ActiveDeadline { get; init; }

    /// <summary>What the spec asks for that is not emulated and was left out (probes, lifecycle hooks, ...).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public LocalContainer Primary => Containers.Single(c => c.Name == PrimaryContainerName);

    /// <summary>Init containers, then containers: every container of the pod in the order a kubelet starts them.</summary>
    public IEnumerable<LocalContainer> AllContainers => InitContainers.Concat(Containers);
}
