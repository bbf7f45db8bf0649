using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>check_procMount_baseline.go (baseline, 1.35+): <c>procMount</c> must be unset or Default, unless the pod is in a user namespace (<c>hostUsers: false</c>).</summary>
internal static class CheckProcMountBaseline
{
    public const string Id = "procMount";

    public static readonly PodSecurityCheck Check = new(Id, PodSecurityLevel.Baseline, Run);

    private static void Run(PodSecurityInput pod, List<PodSecurityViolation> found)
    {
        if (!pod.InUserNamespace)
        {
            Find(pod, Id, PodSecurityLevel.Baseline, found);
        }
    }

    /// <summary>procMount_1_0, shared with <see cref="CheckProcMountRestricted"/>.</summary>
    internal static void Find(PodSecurityInput pod, string id, PodSecurityLevel level, List<PodSecurityViolation> found)
    {
        foreach (var container in pod.Containers)
        {
            var procMount = container.SecurityContext["procMount"];
            if (procMount.String is { } value && value != "Default")
            {
                found.Add(new PodSecurityViolation(id, level, "procMount", procMount,
                    $"{container.Label} sets securityContext.procMount to '{value}', which unmasks the node's /proc paths"));
            }
        }
    }
}
