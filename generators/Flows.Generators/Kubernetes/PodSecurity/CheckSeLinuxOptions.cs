using System.Collections.Generic;
using Flows.Generators.Kubernetes.Validation;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>check_seLinuxOptions.go (baseline, 1.31+): the SELinux type only a container type, and no user or role, on the pod and on every container.</summary>
internal static class CheckSeLinuxOptions
{
    public const string Id = "seLinuxOptions";

    public static readonly PodSecurityCheck Check = new(Id, PodSecurityLevel.Baseline, Run);

    /// <summary>selinuxAllowedTypes1_31.</summary>
    private static readonly HashSet<string> AllowedTypes = new() { "", "container_t", "container_init_t", "container_kvm_t", "container_engine_t" };

    private static void Run(PodSecurityInput pod, List<PodSecurityViolation> found)
    {
        Find("the pod", pod.SecurityContext["seLinuxOptions"], found);
        foreach (var container in pod.Containers)
        {
            Find(container.Label, container.SecurityContext["seLinuxOptions"], found);
        }
    }

    private static void Find(string setter, SpecNode options, List<PodSecurityViolation> found)
    {
        if (!options.Exists)
        {
            return;
        }
        var type = options["type"];
        if (!AllowedTypes.Contains(type.StringOrEmpty))
        {
            found.Add(new PodSecurityViolation(Id, PodSecurityLevel.Baseline, "seLinuxOptions", type,
                $"{setter} sets the SELinux type '{type.String}': only container_t, container_init_t, container_kvm_t and container_engine_t are allowed"));
        }
        foreach (var field in new[] { "user", "role" })
        {
            var value = options[field];
            if (value.StringOrEmpty.Length > 0)
            {
                found.Add(new PodSecurityViolation(Id, PodSecurityLevel.Baseline, "seLinuxOptions", value,
                    $"{setter} sets the SELinux {field} '{value.String}', which may not be set"));
            }
        }
    }
}
