using System.Collections.Generic;

namespace Flows.Docker.LocalJobs.Pods;

/// <summary>What a container of the pod is for.</summary>
public enum LocalContainerRole
{
    /// <summary>An init container: runs to completion, in order, before the next one and the containers start.</summary>
    Init,

    /// <summary>An init container with <c>restartPolicy: Always</c> (a native sidecar): started, then left running.</summary>
    Sidecar,

    /// <summary>One of <c>spec.containers</c>.</summary>
    Container,
}

/// <summary>When the image is pulled.</summary>
public enum LocalPullPolicy
{
    /// <summary>Pull when the engine does not have the image (also when the spec says nothing and the image has a tag other than latest, or a digest).</summary>
    IfNotPresent,

    Always,

    /// <summary>Never pull: the engine must have the image.</summary>
    Never,
}

/// <summary>One container of the pod, with Kubernetes' fields already resolved to what Docker needs.</summary>
public sealed record LocalContainer(string Name, LocalContainerRole Role, string Image)
{
    public const string DefaultTerminationMessagePath = "/dev/termination-log";

    /// <summary><c>terminationMessagePath</c>: the file whose content is the container's termination message.</summary>
    public string TerminationMessagePath { get; init; } = DefaultTerminationMessagePath;

    /// <summary><c>terminationMessagePolicy: FallbackToLogsOnError</c>: when the file is empty and the container failed, the end of its log is the message.</summary>
    public bool TerminationMessageFallbackToLogs { get; init; }

    /// <summary><c>imagePullPolicy</c>, or the API server's default for the image when the spec says nothing (<see cref="Flows.Manifests.ImagePullPolicyDefault"/>).</summary>
    public LocalPullPolicy PullPolicy { get; init; } = LocalPullPolicy.IfNotPresent;

    /// <summary>The spec gave no <c>imagePullPolicy</c>: <see cref="PullPolicy"/> is the default for the image's tag.</summary>
    public bool PullPolicyIsDefault { get; init; }

    /// <summary><c>command</c>, expanded: replaces the image's ENTRYPOINT (and then its CMD is not used either). Null: the image's.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary><c>args</c>, expanded: replaces the image's CMD. Null: the image's (unless <see cref="Command"/> is set).</summary>
    public IReadOnlyList<string>? Args { get; init; }

    /// <summary>The environment, resolved (<c>valueFrom.fieldRef</c>) and expanded, in order, each name once.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment { get; init; } = [];

    public string? WorkingDir { get; init; }

    public IReadOnlyList<LocalVolumeMount> Mounts { get; init; } = [];

    /// <summary><c>resources.limits.cpu</c> as Docker's NanoCPUs (at least 0.01 CPU, the kubelet's smallest CFS quota).</summary>
    public long? NanoCpus { get; init; }

    /// <summary><c>resources.requests.cpu</c> (else the limit) as CPU shares, as the kubelet sets them.</summary>
    public long? CpuShares { get; init; }

    /// <summary><c>resources.limits.memory</c> in bytes; swap is not allowed beyond it, as under the kubelet.</summary>
    public long? MemoryBytes { get; init; }

    /// <summary><c>runAsUser[:runAsGroup]</c> from the container's or the pod's securityContext.</summary>
    public string? User { get; init; }

    /// <summary>The pod's <c>supplementalGroups</c>.</summary>
    public IReadOnlyList<string> SupplementalGroups { get; init; } = [];

    public bool ReadOnlyRootFilesystem { get; init; }

    /// <summary><c>allowPrivilegeEscalation: false</c>.</summary>
    public bool NoNewPrivileges { get; init; }

    /// <summary>
    /// <c>runAsNonRoot: true</c> without a <c>runAsUser</c>: the image's user must be numeric and not 0, or the container is
    /// refused as the kubelet refuses it (<see cref="Running.RunAsNonRootCheck"/>). With a runAsUser, reading the spec checked it.
    /// </summary>
    public bool RunAsNonRoot { get; init; }

    /// <summary><c>seccompProfile: Unconfined</c> (the container's, else the pod's); RuntimeDefault is the engine's default profile.</summary>
    public bool SeccompUnconfined { get; init; }

    public IReadOnlyList<string> CapabilitiesAdded { get; init; } = [];

    public IReadOnlyList<string> CapabilitiesDropped { get; init; } = [];
}
