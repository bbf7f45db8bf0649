using System.Collections.Generic;

namespace Flows.Docker;

/// <summary>
/// How locked down a container runs, as <c>docker run</c>'s <c>--user</c>, <c>--read-only</c>, <c>--cap-drop</c>,
/// <c>--cap-add</c>, <c>--security-opt no-new-privileges</c> and <c>--tmpfs</c> say it. Null fields leave the engine's defaults.
/// </summary>
public sealed record ContainerSecurity
{
    /// <summary><c>uid[:gid]</c> (or a name the image knows); the image's <c>USER</c> when null.</summary>
    public string? User { get; init; }

    public bool ReadOnlyRootFilesystem { get; init; }

    /// <summary>Capabilities taken away (<c>ALL</c> for every one); those in <see cref="CapabilitiesAdded"/> are given back.</summary>
    public IReadOnlyList<string> CapabilitiesDropped { get; init; } = [];

    public IReadOnlyList<string> CapabilitiesAdded { get; init; } = [];

    /// <summary>No process of the container can gain privileges (setuid binaries, file capabilities): Kubernetes' <c>allowPrivilegeEscalation: false</c>.</summary>
    public bool NoNewPrivileges { get; init; }

    /// <summary>Container paths that get a fresh, writable tmpfs each (for example <c>/tmp</c> under a read-only root).</summary>
    public IReadOnlyList<string> TmpfsPaths { get; init; } = [];

    /// <summary>
    /// What Flows' pods get where the spec is silent (the Pod Security Standards' restricted profile): user
    /// <paramref name="user"/>, a read-only root with a writable <c>/tmp</c>, no capabilities, no privilege escalation.
    /// </summary>
    public static ContainerSecurity Restricted(string user) => new()
    {
        User = user,
        ReadOnlyRootFilesystem = true,
        CapabilitiesDropped = ["ALL"],
        NoNewPrivileges = true,
        TmpfsPaths = ["/tmp"],
    };
}
