using System;

namespace Flows.Docker.LocalJobs.Running;

/// <summary>How <c>run-job-locally</c> runs a pod.</summary>
public sealed record LocalJobOptions
{
    /// <summary>The image of the infra container, the one that holds the pod's network (and IPC) namespace.</summary>
    public const string DefaultInfraImage = "localhost:5000/busybox:1";

    /// <summary>
    /// An image with an ENTRYPOINT (a pause image) runs as it is; one without (busybox) runs <c>sleep</c> for ever.
    /// Pulled when the engine does not have it.
    /// </summary>
    public string InfraImage { get; init; } = DefaultInfraImage;

    /// <summary>Leave the (stopped) containers and the volumes of the run in place instead of removing them.</summary>
    public bool Keep { get; init; }

    /// <summary>
    /// How long the other containers get to stop (SIGTERM, then SIGKILL) once the primary has ended. Null: the pod's
    /// <c>terminationGracePeriodSeconds</c>, else <see cref="DefaultGracePeriod"/>.
    /// </summary>
    public TimeSpan? GracePeriod { get; init; }

    /// <summary>When the pod does not say: shorter than Kubernetes' 30 s, since a sidecar that ignores SIGTERM (a shell or sleep as PID 1) would hold every local run for that long.</summary>
    public TimeSpan DefaultGracePeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Also stream the other containers' output (init containers, sidecars) to stderr, each line prefixed with <c>[name]</c>.</summary>
    public bool AllLogs { get; init; }

    /// <summary>
    /// Bind a fresh host file at the primary container's terminationMessagePath, as a kubelet does, and read it when the
    /// primary exits (pod tasks). The engine must see this machine's files: a local socket or a loopback address.
    /// </summary>
    public bool ReadTerminationMessage { get; init; }

    /// <summary>Bounds the stopping and the removal at the end (also after Ctrl+C).</summary>
    public TimeSpan CleanupTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
