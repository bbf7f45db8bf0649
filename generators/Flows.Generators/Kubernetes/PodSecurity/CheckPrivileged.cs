using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>check_privileged.go (baseline): containers must not set <c>securityContext.privileged: true</c>.</summary>
internal static class CheckPrivileged
{
    public const string Id = "privileged";

    public static readonly PodSecurityCheck Check = new(Id, PodSecurityLevel.Baseline, Run);

    private static void Run(PodSecurityInput pod, List<PodSecurityViolation> found)
    {
        foreach (var container in pod.Containers)
        {
            var privileged = container.SecurityContext["privileged"];
            if (privileged.Boolean == true)
            {
                found.Add(new PodSecurityViolation(Id, PodSecurityLevel.Baseline, "privileged", privileged,
                    $"{container.Label} is privileged (securityContext.privileged: true): it has every capability and the node's devices"));
            }
        }
    }
}
