using System.Collections.Generic;
using System.Linq;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>
/// check_restrictedVolumes.go (restricted; replaces hostPathVolumes): only configMap, csi, downwardAPI, emptyDir,
/// ephemeral, image, persistentVolumeClaim, projected and secret volumes.
/// </summary>
internal static class CheckRestrictedVolumes
{
    public const string Id = "restrictedVolumes";

    public static readonly PodSecurityCheck Check = new(Id, PodSecurityLevel.Restricted, Run, CheckHostPathVolumes.Id);

    private static readonly string[] Allowed = { "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret" };

    /// <summary>The volume sources the Go check names, in its order.</summary>
    private static readonly string[] Restricted =
    {
        "hostPath", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs", "iscsi", "glusterfs", "rbd", "flexVolume", "cinder",
        "cephfs", "flocker", "fc", "azureFile", "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "portworxVolume", "scaleIO", "storageos",
    };

    private static void Run(PodSecurityInput pod, List<PodSecurityViolation> found)
    {
        foreach (var volume in pod.Spec["volumes"].Items)
        {
            if (Allowed.Any(source => volume[source].Exists))
            {
                continue;
            }
            var type = Restricted.FirstOrDefault(source => volume[source].Exists);
            var at = type is null ? volume : volume[type];
            found.Add(new PodSecurityViolation(Id, PodSecurityLevel.Restricted, "restricted volume types", at,
                $"volume '{volume["name"].StringOrEmpty}' is a {type ?? "unknown"} volume: the restricted profile allows only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret volumes",
                type is null ? volume["name"].Node : volume.KeyNode(type)));
        }
    }
}
