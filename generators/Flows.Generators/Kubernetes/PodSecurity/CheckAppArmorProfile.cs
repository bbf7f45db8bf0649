using System;
using System.Collections.Generic;
using Flows.Generators.Kubernetes.Validation;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>check_appArmorProfile.go (baseline): an AppArmor profile, where set (field or beta annotation), is the runtime's default or a localhost one.</summary>
internal static class CheckAppArmorProfile
{
    public const string Id = "appArmorProfile";

    public static readonly PodSecurityCheck Check = new(Id, PodSecurityLevel.Baseline, Run);

    private const string AnnotationPrefix = "container.apparmor.security.beta.kubernetes.io/";

    private static void Run(PodSecurityInput pod, List<PodSecurityViolation> found)
    {
        Find("the pod", pod.SecurityContext["appArmorProfile"], found);
        foreach (var container in pod.Containers)
        {
            Find(container.Label, container.SecurityContext["appArmorProfile"], found);
        }
        foreach (var annotation in pod.Metadata["annotations"].Entries)
        {
            var value = annotation.Value.StringOrEmpty;
            if (annotation.Key.StartsWith(AnnotationPrefix, StringComparison.Ordinal)
                && !(value.Length == 0 || value == "runtime/default" || value.StartsWith("localhost/", StringComparison.Ordinal)))
            {
                found.Add(new PodSecurityViolation(Id, PodSecurityLevel.Baseline, "forbidden AppArmor profile", annotation.Value,
                    $"the annotation {annotation.Key} sets the AppArmor profile '{value}': use runtime/default or localhost/<profile>"));
            }
        }
    }

    private static void Find(string setter, SpecNode profile, List<PodSecurityViolation> found)
    {
        if (!profile.Exists)
        {
            return;
        }
        var type = profile["type"];
        if (type.String is not ("RuntimeDefault" or "Localhost"))
        {
            found.Add(new PodSecurityViolation(Id, PodSecurityLevel.Baseline, "forbidden AppArmor profile", type,
                $"{setter} sets securityContext.appArmorProfile.type to '{type.StringOrEmpty}': use RuntimeDefault or Localhost"));
        }
    }
}
