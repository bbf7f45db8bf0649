using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Flows.Docker.LocalJobs.Pods;
using Flows.Manifests;

namespace Flows.Docker.LocalJobs.Manifests;

/// <summary>A volume of the pod spec: emulated (<see cref="Volume"/>), or of a kind that needs a cluster (<see cref="Kind"/> says which).</summary>
internal sealed record DeclaredVolume(string Kind, LocalVolume? Volume);

/// <summary>
/// <c>spec.volumes</c>: <c>emptyDir</c> (a Docker volume; <c>medium: Memory</c> a tmpfs one) and <c>hostPath</c> (a bind
/// mount) are emulated; any other kind (configMap, secret, persistentVolumeClaim, projected, ...) is an error when a
/// container mounts it, and a warning when none does.
/// </summary>
internal static class VolumeReader
{
    private static readonly string[] NotVolumeSources = ["name"];

    public static Dictionary<string, DeclaredVolume> Read(JsonObject podSpec, string path, ManifestProblems problems)
    {
        var declared = new Dictionary<string, DeclaredVolume>();
        var volumes = ManifestFields.Array(podSpec, "volumes", path, problems) ?? [];
        for (var i = 0; i < volumes.Count; i++)
        {
            var volumePath = $"{path}.volumes[{i}]";
            if (volumes[i] is not JsonObject volume)
            {
                problems.Error(volumePath, "must be an object.");
                continue;
            }
            var name = ManifestFields.String(volume, "name", volumePath, problems);
            if (string.IsNullOrEmpty(name) || !Flows.Manifests.KubernetesNameRules.IsDns1123Label(name))
            {
                problems.Error(volumePath + ".name", $"'{name}' is not a volume name (lowercase letters, digits and '-', at most 63).");
                continue;
            }
            if (declared.ContainsKey(name))
            {
                problems.Error(volumePath + ".name", $"'{name}' is declared twice.");
                continue;
            }
            volumePath += $" ({name})";
            var sources = volume.Select(p => p.Key).Where(k => !NotVolumeSources.Contains(k)).ToList();
            var kind = sources.Count == 1 ? sources[0] : sources.Count == 0 ? "emptyDir" : string.Join("+", sources);
            declared[name] = new DeclaredVolume(kind, kind switch
            {
                "emptyDir" => EmptyDir(name, volume, volumePath, problems),
                "hostPath" => HostPath(name, volume, volumePath, problems),
                _ => null,
            });
        }
        return declared;
    }

    private static LocalVolume EmptyDir(string name, JsonObject volume, string path, ManifestProblems problems)
    {
        var emptyDir = ManifestFields.Object(volume, "emptyDir", path, problems);
        var medium = ManifestFields.String(emptyDir, "medium", path + ".emptyDir", problems) ?? "";
        if (medium is not ("" or "Memory"))
        {
            problems.Warn(path + ".emptyDir.medium", $"'{medium}' is not emulated; the volume is on disk.");
        }
        long? size = null;
        if (ManifestFields.Field(emptyDir, "sizeLimit") is { } limit)
        {
            size = ManifestFields.QuantityText(limit) is { } text ? KubernetesQuantity.Bytes(text) : null;
            if (size is null)
            {
                problems.Error(path + ".emptyDir.sizeLimit", $"'{limit.ToJsonString()}' is not a quantity (for example 64Mi).");
            }
        }
        return new LocalVolume(name, LocalVolumeKind.EmptyDir, InMemory: medium == "Memory", SizeLimitBytes: size);
    }

    private static LocalVolume? HostPath(string name, JsonObject volume, string path, ManifestProblems problems)
    {
        var hostPath = ManifestFields.Object(volume, "hostPath", path, problems);
        var hostDirectory = ManifestFields.String(hostPath, "path", path + ".hostPath", problems);
        if (string.IsNullOrEmpty(hostDirectory) || !hostDirectory.StartsWith('/'))
        {
            problems.Error(path + ".hostPath.path", "must be an absolute path.");
            return null;
        }
        if (hostDirectory.Contains(':'))
        {
            problems.Error(path + ".hostPath.path", "has a ':', which a Docker bind mount cannot express.");
            return null;
        }
        var type = ManifestFields.String(hostPath, "type", path + ".hostPath", problems) ?? "";
        if (type is not ("" or "DirectoryOrCreate" or "Directory"))
        {
            problems.Warn(path + ".hostPath.type", $"'{type}' is not checked: the path is bind-mounted as it is (Docker creates a missing path as a directory).");
        }
        return new LocalVolume(name, LocalVolumeKind.HostPath, HostPath: hostDirectory);
    }
}
