namespace Flows.Docker.LocalJobs.Pods;

public enum LocalVolumeKind
{
    /// <summary>An <c>emptyDir</c>: a Docker volume made for the run, shared by the containers that mount it, removed with it.</summary>
    EmptyDir,

    /// <summary>A <c>hostPath</c>: a bind mount of a path on the Docker engine's host.</summary>
    HostPath,
}

/// <summary>A volume of the pod that can be emulated.</summary>
/// <param name="HostPath">The path on the engine's host, for <see cref="LocalVolumeKind.HostPath"/>.</param>
/// <param name="InMemory"><c>emptyDir.medium: Memory</c>: a tmpfs volume.</param>
/// <param name="SizeLimitBytes"><c>emptyDir.sizeLimit</c>; enforced (as the tmpfs size) for a memory volume only.</param>
public sealed record LocalVolume(string Name, LocalVolumeKind Kind, string? HostPath = null, bool InMemory = false, long? SizeLimitBytes = null);

/// <summary>A container's <c>volumeMounts</c> entry; <paramref name="SubPath"/> is relative to the volume (subPathExpr already expanded).</summary>
public sealed record LocalVolumeMount(string VolumeName, string MountPath, bool ReadOnly, string? SubPath);
