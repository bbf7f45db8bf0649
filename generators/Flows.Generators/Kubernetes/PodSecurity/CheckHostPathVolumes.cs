using System;
using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>
/// check_hostPathVolumes.go (baseline): no <c>hostPath</c> volume at all. The message says what the path, normalised
/// (<see cref="HostPaths"/>), exposes: the node's Docker socket (or a folder holding it), or its whole file system.
/// </summary>
internal static class CheckHostPathVolumes
{
    public const string Id = "hostPathVolumes";

    public static readonly PodSecurityCheck Check = new(Id, PodSecurityLevel.Baseline, Run);

    private static void Run(PodSecurityInput pod, List<PodSecurityViolation> found)
    {
        foreach (var volume in pod.Spec["volumes"].Items)
        {
            var hostPath = volume["hostPath"];
            if (!hostPath.Exists)
            {
                continue;
            }
            var name = volume["name"].StringOrEmpty;
            var path = hostPath["path"];
            var written = path.StringOrEmpty;
            var normalised = HostPaths.Normalise(written);
            var shown = normalised == written ? written : $"{written}, that is {normalised}";
            string detail;
            if (Array.IndexOf(HostPaths.DockerSockets, normalised) >= 0)
            {
                detail = $"volume '{name}' mounts the node's Docker socket (hostPath {shown}), which is root on the node";
            }
            else if (normalised == "/")
            {
                detail = $"volume '{name}' mounts the node's whole file system (hostPath {shown})";
            }
            else if (HostPaths.HoldsDockerSocket(normalised))
            {
                detail = $"volume '{name}' mounts the node's {normalised}, which holds the node's Docker socket (hostPath {shown}), which is root on the node";
            }
            else
            {
                detail = $"volume '{name}' mounts the node's file system at {shown} (hostPath)";
            }
            found.Add(new PodSecurityViolation(Id, PodSecurityLevel.Baseline, "hostPath volumes", path.Exists ? path : hostPath, detail,
                path.Exists ? null : volume.KeyNode("hostPath")));
        }
    }
}
