using System.Collections.Generic;
using System.Linq;
using Flows.Generators.Kubernetes.Validation;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>
/// What a job or pod spec is told about the Pod Security Standards at build time: every baseline violation (FLOW043,
/// FLOW075), and the restricted violations that a spec writes explicitly (FLOW082). A restricted field the spec is
/// silent on is not reported: Flows fills in the restricted defaults there for the containers it runs (its own,
/// a pod task's primary), so only a value written in the spec can keep the pod from passing.
/// </summary>
internal static class PodSecurityFindings
{
    public static (IReadOnlyList<PodSecurityViolation> Baseline, IReadOnlyList<PodSecurityViolation> Restricted) Of(SpecNode podSpec, SpecNode podMetadata)
    {
        var baseline = PodSecurityStandards.Check(podSpec, podMetadata, PodSecurityLevel.Baseline);
        var atBaseline = new HashSet<long>(baseline.Where(v => v.Node is not null).Select(v => v.Node!.Start.Index));
        var restricted = PodSecurityStandards.Check(podSpec, podMetadata, PodSecurityLevel.Restricted)
            .Where(v => v.Level == PodSecurityLevel.Restricted && !v.IsImplicit)
            // A field baseline already forbids (a hostPath volume, an added SYS_ADMIN) gets one diagnostic, the baseline one.
            .Where(v => v.Node is null || !atBaseline.Contains(v.Node.Start.Index))
            .Where(v => !(v.CheckId == CheckRestrictedVolumes.Id && v.Path.ToString().EndsWith(".hostPath", System.StringComparison.Ordinal)))
            .ToList();
        return (baseline, restricted);
    }
}
