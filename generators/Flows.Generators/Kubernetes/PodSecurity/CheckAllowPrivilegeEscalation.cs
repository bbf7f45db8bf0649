using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>check_allowPrivilegeEscalation.go (restricted, 1.25+): every container sets <c>allowPrivilegeEscalation: false</c> (not checked for a Windows pod).</summary>
internal static class CheckAllowPrivilegeEscalation
{
    public const string Id = "allowPrivilegeEscalation";

    public static readonly PodSecurityCheck Check = new(Id, PodSecurityLevel.Restricted, Run);

    private static void Run(PodSecurityInput pod, List<PodSecurityViolation> found)
    {
        if (pod.IsWindows)
        {
            return;
        }
        foreach (var container in pod.Containers)
        {
            var allow = container.SecurityContext["allowPrivilegeEscalation"];
            if (allow.Boolean != false)
            {
                found.Add(new PodSecurityViolation(Id, PodSecurityLevel.Restricted, "allowPrivilegeEscalation != false", allow,
                    allow.Exists
                        ? $"{container.Label} sets securityContext.allowPrivilegeEscalation: {allow.Json}, so a setuid program can gain privileges: set it to false"
                        : $"{container.Label} must set securityContext.allowPrivilegeEscalation: false"));
            }
        }
    }
}
