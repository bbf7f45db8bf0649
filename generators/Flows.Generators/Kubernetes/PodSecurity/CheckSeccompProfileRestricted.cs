using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>
/// check_seccompProfile_restricted.go (restricted, 1.25+; replaces seccompProfile_baseline): RuntimeDefault or
/// Localhost on the pod or on every container, and nothing else anywhere (not checked for a Windows pod).
/// </summary>
internal static class CheckSeccompProfileRestricted
{
    public const string Id = "seccompProfile_restricted";

    public static readonly PodSecurityCheck Check = new(Id, PodSecurityLevel.Restricted, Run, CheckSeccompProfileBaseline.Id);

    private static void Run(PodSecurityInput pod, List<PodSecurityViolation> found)
    {
        if (pod.IsWindows)
        {
            return;
        }
        var podProfile = pod.SecurityContext["seccompProfile"];
        var bad = false;
        if (SeccompProfiles.Forbidden(Id, PodSecurityLevel.Restricted, "the pod", podProfile) is { } podViolation)
        {
            found.Add(podViolation);
            bad = true;
        }
        var podSet = podProfile.Exists && !bad;
        var implicitlyBad = new List<PodContainer>();
        foreach (var container in pod.Containers)
        {
            var profile = container.SecurityContext["seccompProfile"];
            if (profile.Exists)
            {
                if (SeccompProfiles.Forbidden(Id, PodSecurityLevel.Restricted, container.Label, profile) is { } violation)
                {
                    found.Add(violation);
                    bad = true;
                }
            }
            else if (!podSet)
            {
                implicitlyBad.Add(container);
            }
        }
        if (bad)
        {
            return; // as in Go, the silent containers are reported once the forbidden values are gone
        }
        foreach (var container in implicitlyBad)
        {
            found.Add(new PodSecurityViolation(Id, PodSecurityLevel.Restricted, "seccompProfile", container.SecurityContext["seccompProfile"],
                $"the pod or {container.Label} must set securityContext.seccompProfile.type to RuntimeDefault or Localhost"));
        }
    }
}
