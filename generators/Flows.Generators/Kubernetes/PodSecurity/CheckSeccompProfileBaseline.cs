using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>check_seccompProfile_baseline.go (baseline, 1.19+): a seccomp profile, where set, is RuntimeDefault or Localhost.</summary>
internal static class CheckSeccompProfileBaseline
{
    public const string Id = "seccompProfile_baseline";

    public static readonly PodSecurityCheck Check = new(Id, PodSecurityLevel.Baseline, Run);

    private static void Run(PodSecurityInput pod, List<PodSecurityViolation> found)
    {
        if (SeccompProfiles.Forbidden(Id, PodSecurityLevel.Baseline, "the pod", pod.SecurityContext["seccompProfile"]) is { } podViolation)
        {
            found.Add(podViolation);
        }
        foreach (var container in pod.Containers)
        {
            if (SeccompProfiles.Forbidden(Id, PodSecurityLevel.Baseline, container.Label, container.SecurityContext["seccompProfile"]) is { } violation)
            {
                found.Add(violation);
            }
        }
    }
}
