namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>The Pod Security Standards' levels that have checks (k8s.io/pod-security-admission/api: LevelBaseline, LevelRestricted).</summary>
internal enum PodSecurityLevel
{
    /// <summary>Prevents known privilege escalations: no privileged containers, host namespaces, hostPath volumes, ...</summary>
    Baseline,

    /// <summary>Baseline, and current hardening practice: non-root, no privilege escalation, capabilities dropped, seccomp.</summary>
    Restricted,
}
