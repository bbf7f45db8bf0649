using System;
using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>
/// One check of policy/check_*.go (its Check struct) at its newest version: its ID, its level, the baseline checks
/// it replaces at the restricted level (OverrideCheckIDs), and the function that finds its violations in a pod.
/// </summary>
internal sealed class PodSecurityCheck
{
    public PodSecurityCheck(string id, PodSecurityLevel level, Action<PodSecurityInput, List<PodSecurityViolation>> run, params string[] overrides)
    {
        Id = id;
        Level = level;
        Run = run;
        Overrides = overrides;
    }

    public string Id { get; }

    public PodSecurityLevel Level { get; }

    /// <summary>The checks this one replaces when it runs (a restricted check that is stricter than a baseline one).</summary>
    public IReadOnlyList<string> Overrides { get; }

    public Action<PodSecurityInput, List<PodSecurityViolation>> Run { get; }
}
