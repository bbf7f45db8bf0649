using System.Collections.Generic;
using System.Globalization;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>check_hostPorts.go (baseline): no container port may be bound on the node (<c>hostPort</c> unset or 0).</summary>
internal static class CheckHostPorts
{
    public const string Id = "hostPorts";

    public static readonly PodSecurityCheck Check = new(Id, PodSecurityLevel.Baseline, Run);

    private static void Run(PodSecurityInput pod, List<PodSecurityViolation> found)
    {
        foreach (var container in pod.Containers)
        {
            foreach (var port in container.Node["ports"].Items)
            {
                var hostPort = port["hostPort"];
                if (hostPort.Integer is { } value && value != 0)
                {
                    found.Add(new PodSecurityViolation(Id, PodSecurityLevel.Baseline, "hostPort", hostPort,
                        $"{container.Label} uses hostPort {value.ToString(CultureInfo.InvariantCulture)}, a port of the node itself"));
                }
            }
        }
    }
}
