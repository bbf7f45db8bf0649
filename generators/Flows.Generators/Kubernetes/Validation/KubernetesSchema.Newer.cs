namespace Flows.Generators.Kubernetes.Validation;

/// <summary>
/// Fields added to the Job and Pod APIs after 1.20 (the version the schema table and the rules come from): known, so
/// that a spec written for a newer cluster gets no "unknown field" warning, but not type-checked or validated at
/// build time. A 1.20 API server drops them (FLOW078 does not say so, since most clusters are newer).
/// </summary>
internal static partial class KubernetesSchema
{
    static partial void AddNewerFields()
    {
        // A local, not a static field: static fields of partial files initialise in no set order, and Definitions is one.
        var newerFields = new (string Definition, string[] Fields)[]
        {
        ("batch.v1.JobSpec", new[] { "completionMode", "suspend", "podFailurePolicy", "backoffLimitPerIndex", "maxFailedIndexes", "podReplacementPolicy", "managedBy", "successPolicy" }),
        ("core.v1.PodSpec", new[] { "os", "hostUsers", "schedulingGates", "resourceClaims", "resources", "hostnameOverride" }),
        ("core.v1.Container", new[] { "restartPolicy", "resizePolicy", "restartPolicyRules" }),
        ("core.v1.EphemeralContainer", new[] { "restartPolicy", "resizePolicy", "restartPolicyRules" }),
        ("core.v1.SecurityContext", new[] { "appArmorProfile" }),
        ("core.v1.WindowsSecurityContextOptions", new[] { "hostProcess" }),
        ("core.v1.PodSecurityContext", new[] { "appArmorProfile", "seLinuxChangePolicy", "supplementalGroupsPolicy" }),
        ("core.v1.Probe", new[] { "terminationGracePeriodSeconds", "grpc" }),
        ("core.v1.Lifecycle", new[] { "stopSignal" }),
        ("core.v1.Handler", new[] { "sleep" }),
        ("core.v1.TopologySpreadConstraint", new[] { "matchLabelKeys", "minDomains", "nodeAffinityPolicy", "nodeTaintsPolicy" }),
        ("core.v1.PodAffinityTerm", new[] { "namespaceSelector", "matchLabelKeys", "mismatchLabelKeys" }),
        ("core.v1.VolumeMount", new[] { "recursiveReadOnly" }),
        ("core.v1.Volume", new[] { "image" }),
        ("core.v1.PersistentVolumeClaimSpec", new[] { "volumeAttributesClassName", "dataSourceRef" }),
        ("core.v1.ResourceRequirements", new[] { "claims" }),
        ("core.v1.EnvVarSource", new[] { "fileKeyRef" }),
        };
        foreach (var (definition, fields) in newerFields)
        {
            foreach (var field in fields)
            {
                if (!_loading![definition].ContainsKey(field))
                {
                    _loading[definition][field] = F(field, SchemaKind.Any);
                }
            }
        }
    }
}
