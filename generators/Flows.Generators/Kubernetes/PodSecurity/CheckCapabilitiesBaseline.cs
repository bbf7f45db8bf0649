using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>check_capabilities_baseline.go (baseline): <c>capabilities.add</c> may only hold capabilities of the container runtime's default set.</summary>
internal static class CheckCapabilitiesBaseline
{
    public const string Id = "capabilities_baseline";

    public static readonly PodSecurityCheck Check = new(Id, PodSecurityLevel.Baseline, Run);

    /// <summary>capabilities_allowed_1_0.</summary>
    internal static readonly HashSet<string> DefaultSet = new()
    {
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    };

    private static void Run(PodSecurityInput pod, List<PodSecurityViolation> found)
    {
        foreach (var container in pod.Containers)
        {
            foreach (var capability in container.SecurityContext["capabilities"]["add"].Items)
            {
                var name = capability.String ?? capability.Json ?? "";
                if (!DefaultSet.Contains(name))
                {
                    found.Add(new PodSecurityViolation(Id, PodSecurityLevel.Baseline, "non-default capabilities", capability,
                        $"{container.Label} adds the capability {name}, which is not in the container runtime's default set"));
                }
            }
        }
    }
}
