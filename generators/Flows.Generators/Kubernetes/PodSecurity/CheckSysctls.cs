using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>check_sysctls.go (baseline, 1.37+): only the sysctls that are namespaced and isolated from other pods.</summary>
internal static class CheckSysctls
{
    public const string Id = "sysctls";

    public static readonly PodSecurityCheck Check = new(Id, PodSecurityLevel.Baseline, Run);

    /// <summary>sysctlsAllowedV1Dot37.</summary>
    private static readonly HashSet<string> Safe = new()
    {
        "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
        "net.ipv4.ip_unprivileged_port_start", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time",
        "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem",
        "net.ipv4.tcp_wmem", "net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat",
    };

    private static void Run(PodSecurityInput pod, List<PodSecurityViolation> found)
    {
        foreach (var sysctl in pod.SecurityContext["sysctls"].Items)
        {
            var name = sysctl["name"];
            if (!Safe.Contains(name.StringOrEmpty))
            {
                found.Add(new PodSecurityViolation(Id, PodSecurityLevel.Baseline, "forbidden sysctls", name,
                    $"the sysctl '{name.StringOrEmpty}' is not one of the safe, pod-isolated sysctls"));
            }
        }
    }
}
