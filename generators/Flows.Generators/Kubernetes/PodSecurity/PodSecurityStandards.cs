using System.Collections.Generic;
using System.Linq;
using Flows.Generators.Kubernetes.Validation;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>
/// The Pod Security Standards as the admission controller checks them (k8s.io/pod-security-admission, policy/check_*.go,
/// each check at its newest version, as the level <c>latest</c> does), one class per Go file, run on the YAML (or JSON)
/// of a pod spec. A namespace labelled <c>pod-security.kubernetes.io/enforce: baseline</c> or <c>restricted</c>
/// rejects a pod with any violation of that level.
/// </summary>
internal static class PodSecurityStandards
{
    /// <summary>Every check of policy/: the baseline ones, then the restricted ones, each by ID.</summary>
    public static readonly IReadOnlyList<PodSecurityCheck> Checks = new[]
    {
        CheckAppArmorProfile.Check,
        CheckCapabilitiesBaseline.Check,
        CheckHostNamespaces.Check,
        CheckHostPathVolumes.Check,
        CheckHostPorts.Check,
        CheckHostProbesAndHostLifecycle.Check,
        CheckPrivileged.Check,
        CheckProcMountBaseline.Check,
        CheckSeccompProfileBaseline.Check,
        CheckSeLinuxOptions.Check,
        CheckSysctls.Check,
        CheckWindowsHostProcess.Check,
        CheckAllowPrivilegeEscalation.Check,
        CheckCapabilitiesRestricted.Check,
        CheckProcMountRestricted.Check,
        CheckRestrictedVolumes.Check,
        CheckRunAsNonRoot.Check,
        CheckRunAsUser.Check,
        CheckSeccompProfileRestricted.Check,
    };

    /// <summary>
    /// Every violation of <paramref name="level"/> in a pod: the checks of that level and below, where a restricted
    /// check replaces the baseline one it overrides (capabilities, volumes, seccomp, procMount).
    /// </summary>
    /// <param name="podSpec">The PodSpec (a Pod's <c>spec</c>, a Job's <c>spec.template.spec</c>), with its field path.</param>
    /// <param name="podMetadata">The pod's metadata (a Job's <c>spec.template.metadata</c>), for the AppArmor annotations; may be missing.</param>
    public static IReadOnlyList<PodSecurityViolation> Check(SpecNode podSpec, SpecNode podMetadata, PodSecurityLevel level)
    {
        var selected = Checks.Where(c => c.Level <= level).ToList();
        var overridden = new HashSet<string>(selected.SelectMany(c => c.Overrides));
        var input = new PodSecurityInput(podMetadata, podSpec);
        var found = new List<PodSecurityViolation>();
        foreach (var check in selected.Where(c => !overridden.Contains(c.Id)))
        {
            check.Run(input, found);
        }
        return found;
    }

    /// <summary>
    /// <see cref="Check(SpecNode, SpecNode, PodSecurityLevel)"/> on a whole object as YAML or JSON text: a batch/v1 Job
    /// (its pod template), a v1 Pod, or a bare PodSpec. For tests of what Flows creates, e.g. a patched Job's JSON.
    /// </summary>
    /// <exception cref="System.ArgumentException">The text is not YAML or JSON, or holds no mapping.</exception>
    public static IReadOnlyList<PodSecurityViolation> CheckObject(string yamlOrJson, PodSecurityLevel level)
    {
        string? syntaxError = null;
        var stream = YamlSpecText.Load(yamlOrJson, (_, _, message) => syntaxError = message);
        if (stream is null || stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new System.ArgumentException("Not a Job, Pod or PodSpec: " + (syntaxError ?? "the document is not a mapping"), nameof(yamlOrJson));
        }
        var node = new SpecNode(root, FieldPath.Root);
        return node["kind"].String switch
        {
            "Job" => Check(node["spec"]["template"]["spec"], node["spec"]["template"]["metadata"], level),
            "Pod" => Check(node["spec"], node["metadata"], level),
            _ => Check(new SpecNode(root, FieldPath.Of("spec")), new SpecNode(null, FieldPath.Of("metadata")), level),
        };
    }
}
