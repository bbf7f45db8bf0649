using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>check_hostNamespaces.go (baseline): the pod must not share the node's network, PID or IPC namespace.</summary>
internal static class CheckHostNamespaces
{
    public const string Id = "hostNamespaces";

    public static readonly PodSecurityCheck Check = new(Id, PodSecurityLevel.Baseline, Run);

    private static void Run(PodSecurityInput pod, List<PodSecurityViolation> found)
    {
        foreach (var (field, shares) in new[]
        {
            ("hostNetwork", "the node's network (its interfaces and every port on its loopback)"),
            ("hostPID", "the node's process IDs (it sees and can signal every process of the node)"),
            ("hostIPC", "the node's IPC namespace (its shared memory)"),
        })
        {
            var node = pod.Spec[field];
            if (node.Boolean == true)
            {
                found.Add(new PodSecurityViolation(Id, PodSecurityLevel.Baseline, "host namespaces", node, $"{field}: true shares {shares}"));
            }
        }
    }
}
