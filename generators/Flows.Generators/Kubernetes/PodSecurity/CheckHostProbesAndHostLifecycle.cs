using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>check_hostProbesAndhostLifecycle.go (baseline, 1.34+): probes and lifecycle handlers must not name a <c>host</c> (the kubelet would connect to it from the node).</summary>
internal static class CheckHostProbesAndHostLifecycle
{
    public const string Id = "hostProbesAndHostLifecycle";

    public static readonly PodSecurityCheck Check = new(Id, PodSecurityLevel.Baseline, Run);

    private static void Run(PodSecurityInput pod, List<PodSecurityViolation> found)
    {
        foreach (var container in pod.Containers)
        {
            var handlers = new[]
            {
                container.Node["livenessProbe"], container.Node["readinessProbe"], container.Node["startupProbe"],
                container.Node["lifecycle"]["postStart"], container.Node["lifecycle"]["preStop"],
            };
            foreach (var handler in handlers)
            {
                foreach (var action in new[] { "httpGet", "tcpSocket" })
                {
                    var host = handler[action]["host"];
                    if (host.StringOrEmpty.Length > 0)
                    {
                        found.Add(new PodSecurityViolation(Id, PodSecurityLevel.Baseline, "probe or lifecycle host", host,
                            $"{container.Label} has a probe or lifecycle handler with host '{host.String}', which the kubelet connects to from the node: leave host out (the pod's IP)"));
                    }
                }
            }
        }
    }
}
