using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>check_runAsUser.go (restricted, 1.35+): no <c>runAsUser: 0</c> on the pod or a container, unless the pod is in a user namespace.</summary>
internal static class CheckRunAsUser
{
    public const string Id = "runAsUser";

    public static readonly PodSecurityCheck Check = new(Id, PodSecurityLevel.Restricted, Run);

    private static void Run(PodSecurityInput pod, List<PodSecurityViolation> found)
    {
        if (pod.InUserNamespace)
        {
            return;
        }
        var setters = new List<(string, Validation.SpecNode)> { ("the pod", pod.SecurityContext["runAsUser"]) };
        foreach (var container in pod.Containers)
        {
            setters.Add((container.Label, container.SecurityContext["runAsUser"]));
        }
        foreach (var (setter, runAsUser) in setters)
        {
            if (runAsUser.Integer == 0)
            {
                found.Add(new PodSecurityViolation(Id, PodSecurityLevel.Restricted, "runAsUser=0", runAsUser,
                    $"{setter} sets securityContext.runAsUser: 0 (root): use a non-zero user ID"));
            }
        }
    }
}
