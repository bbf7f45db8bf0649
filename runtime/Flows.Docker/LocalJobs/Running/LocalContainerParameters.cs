using System.Collections.Generic;
using System.Linq;
using Docker.DotNet.Models;
using Flows.Docker.LocalJobs.Pods;

namespace Flows.Docker.LocalJobs.Running;

/// <summary>
/// The Docker create requests of a pod, as a kubelet with the Docker runtime makes them: an infra container holds the
/// pod's namespaces (network <c>none</c>, so the pod has loopback only, or the host's with hostNetwork; a shareable IPC
/// namespace; the pod's hostname), and every container joins its network and IPC namespaces (and its PID namespace with
/// shareProcessNamespace), so the containers reach each other on localhost.
/// </summary>
internal static class LocalContainerParameters
{
    /// <summary>Sleeps for ever (about 68 years) when the infra image has no ENTRYPOINT of its own.</summary>
    public static readonly IReadOnlyList<string> SleepForever = ["sleep", "2147483647"];

    public static string InfraName(LocalPod pod) => pod.Name + "_POD";

    public static string ContainerName(LocalPod pod, LocalContainer container) => pod.Name + "_" + container.Name;

    public static CreateContainerParameters Infra(LocalPod pod, string image, bool imageHasEntrypoint, IReadOnlyDictionary<string, CreatedVolume> volumes) => new()
    {
        Name = InfraName(pod),
        Image = image,
        Hostname = pod.HostNetwork ? null! : pod.Hostname,
        Cmd = imageHasEntrypoint ? null! : SleepForever.ToList(),
        Labels = LocalJobLabels.For(pod, "infra", "POD"),
        HostConfig = new HostConfig
        {
            NetworkMode = pod.HostNetwork ? "host" : "none",
            IpcMode = pod.HostIpc ? "host" : "shareable",
            PidMode = pod.HostPid ? "host" : "",
            Binds = PodVolumeBinds.ForInfra(volumes),
        },
    };

    /// <param name="terminationMessageFile">A host file bound at the container's terminationMessagePath, or null.</param>
    public static CreateContainerParameters For(LocalPod pod, LocalContainer container, string infraId, IReadOnlyDictionary<string, CreatedVolume> volumes,
        string? terminationMessageFile = null)
    {
        var binds = PodVolumeBinds.ForContainer(container, pod, volumes);
        if (terminationMessageFile is not null)
        {
            binds.Add($"{terminationMessageFile}:{container.TerminationMessagePath}");
        }
        var role = container.Role switch
        {
            LocalContainerRole.Init => "init",
            LocalContainerRole.Sidecar => "sidecar",
            _ => "container",
        };
        return new CreateContainerParameters
        {
            Name = ContainerName(pod, container),
            Image = container.Image,
            // Kubernetes: command replaces the ENTRYPOINT and args the CMD; with a command and no args the image's CMD
            // is not used either, which is also what the engine does when Entrypoint is set and Cmd is not.
            Entrypoint = container.Command?.ToList()!,
            Cmd = container.Args?.ToList()!,
            Env = container.Environment.Select(pair => $"{pair.Key}={pair.Value}").ToList(),
            WorkingDir = container.WorkingDir ?? "",
            User = container.User ?? "",
            Labels = LocalJobLabels.For(pod, role, container.Name),
            HostConfig = new HostConfig
            {
                NetworkMode = "container:" + infraId,
                IpcMode = pod.HostIpc ? "host" : "container:" + infraId,
                PidMode = pod.HostPid ? "host" : pod.ShareProcessNamespace ? "container:" + infraId : "",
                Binds = binds,
                NanoCPUs = container.NanoCpus ?? 0,
                CPUShares = container.CpuShares ?? 0,
                Memory = container.MemoryBytes ?? 0,
                // No swap beyond the limit, as under the kubelet.
                MemorySwap = container.MemoryBytes ?? 0,
                ReadonlyRootfs = container.ReadOnlyRootFilesystem,
                CapAdd = container.CapabilitiesAdded.ToList(),
                CapDrop = container.CapabilitiesDropped.ToList(),
                GroupAdd = container.SupplementalGroups.ToList(),
                SecurityOpt = SecurityOptions(container),
            },
        };
    }

    private static List<string> SecurityOptions(LocalContainer container)
    {
        var options = new List<string>();
        if (container.NoNewPrivileges)
        {
            options.Add("no-new-privileges");
        }
        if (container.SeccompUnconfined)
        {
            options.Add("seccomp=unconfined");
        }
        return options.Count == 0 ? null! : options;
    }
}
