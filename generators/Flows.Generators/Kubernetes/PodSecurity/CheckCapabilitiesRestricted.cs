using System.Collections.Generic;
using System.Linq;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>
/// check_capabilities_restricted.go (restricted, 1.25+; replaces capabilities_baseline): every container drops ALL and
/// adds nothing but NET_BIND_SERVICE (not checked for a Windows pod).
/// </summary>
internal static class CheckCapabilitiesRestricted
{
    public const string Id = "capabilities_restricted";

    public static readonly PodSecurityCheck Check = new(Id, PodSecurityLevel.Restricted, Run, CheckCapabilitiesBaseline.Id);

    private static void Run(PodSecurityInput pod, List<PodSecurityViolation> found)
    {
        if (pod.IsWindows)
        {
            return;
        }
        foreach (var container in pod.Containers)
        {
            var capabilities = container.SecurityContext["capabilities"];
            var drop = capabilities["drop"];
            if (!drop.Items.Any(c => c.String == "ALL"))
            {
                found.Add(new PodSecurityViolation(Id, PodSecurityLevel.Restricted, "unrestricted capabilities", drop,
                    drop.Exists
                        ? $"{container.Label} drops some capabilities but not ALL: write securityContext.capabilities.drop: [\"ALL\"] (and add back only NET_BIND_SERVICE)"
                        : $"{container.Label} must set securityContext.capabilities.drop: [\"ALL\"]",
                    capabilities.KeyNode("drop")));
            }
            foreach (var capability in capabilities["add"].Items)
            {
                var name = capability.String ?? capability.Json ?? "";
                if (name != "NET_BIND_SERVICE")
                {
                    found.Add(new PodSecurityViolation(Id, PodSecurityLevel.Restricted, "unrestricted capabilities", capability,
                        $"{container.Label} adds the capability {name}: the restricted profile allows adding only NET_BIND_SERVICE"));
                }
            }
        }
    }
}
