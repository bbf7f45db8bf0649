using System.Collections.Generic;
using System.Linq;
using Flows.Docker.LocalJobs.Pods;

namespace Flows.Docker.LocalJobs.Running;

/// <summary>An emptyDir as created on the engine: its Docker volume and where the engine keeps its files.</summary>
internal sealed record CreatedVolume(string DockerName, string Mountpoint);

/// <summary>
/// A container's volumeMounts as Docker binds: an emptyDir is its Docker volume (<c>nocopy</c>: the image's files at the
/// mount path are not copied in, as Kubernetes does not), a hostPath a bind of the path; a subPath binds that folder of
/// the volume (Docker creates it when missing, as the kubelet does). The infra container mounts every emptyDir, so
/// that each lives as long as the pod (a Memory one stays mounted) and a subPath of it is a folder of the live volume.
/// </summary>
internal static class PodVolumeBinds
{
    public const string InfraVolumesFolder = "/.flows-pod/volumes";

    public static List<string> ForContainer(LocalContainer container, LocalPod pod, IReadOnlyDictionary<string, CreatedVolume> created) =>
        container.Mounts.Select(mount => Bind(mount, pod.Volumes.Single(v => v.Name == mount.VolumeName), created)).ToList();

    public static List<string> ForInfra(IReadOnlyDictionary<string, CreatedVolume> created) =>
        created.Select(pair => $"{pair.Value.DockerName}:{InfraVolumesFolder}/{pair.Key}:nocopy").ToList();

    private static string Bind(LocalVolumeMount mount, LocalVolume volume, IReadOnlyDictionary<string, CreatedVolume> created)
    {
        var readOnly = mount.ReadOnly ? ":ro" : "";
        if (volume.Kind == LocalVolumeKind.HostPath)
        {
            return $"{Join(volume.HostPath!, mount.SubPath)}:{mount.MountPath}{readOnly}";
        }
        var dockerVolume = created[volume.Name];
        return mount.SubPath is null
            ? $"{dockerVolume.DockerName}:{mount.MountPath}:{(mount.ReadOnly ? "ro," : "")}nocopy"
            : $"{Join(dockerVolume.Mountpoint, mount.SubPath)}:{mount.MountPath}{readOnly}";
    }

    private static string Join(string folder, string? subPath) => subPath is null ? folder : folder.TrimEnd('/') + "/" + subPath;
}
