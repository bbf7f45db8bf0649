using System;
using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.Validation;

/// <summary>ValidatePod, ValidatePodTemplateSpec and ValidatePodSpec of pkg/apis/core/validation (1.20): the pod-level rules.</summary>
/// <remarks>
/// Not checked at build time, and why:
/// - ServiceAccount, PriorityClass, RuntimeClass existence, and what the Priority admission plugin computes for
///   preemptionPolicy: cluster state. Only the names' format is checked here.
/// - The projected serviceAccountToken "must not be specified when serviceAccountName is not set" (validatePodMetadataAndSpec):
///   the ServiceAccount admission plugin (on by default) sets serviceAccountName to "default" before validation.
/// - ValidatePodSingleHugePageResources: off in 1.20 (HugePageStorageMediumSize is Beta, on, which allows several sizes).
/// - ephemeralContainers (ValidatePodCreate's "cannot be set on create", ValidatePodTemplateSpec's "ephemeral containers
///   not allowed in pod template"): the EphemeralContainers gate is Alpha, off, so the server drops the field before
///   validating (DropDisabledPodFields / DropDisabledTemplateFields); reported as a warning that it is dropped.
/// - validateImagePullSecrets' "only name may be set": v1's LocalObjectReference has only name (other fields are
///   dropped by the decoder; the schema check warns about them), so it cannot fail.
/// - schedulerName, terminationGracePeriodSeconds, setHostnameAsFQDN, enableServiceLinks: 1.20 has no rule for them.
/// - ValidatePodUpdate, ValidatePodSpecificAnnotationUpdates, status: not on create.
/// - The seccomp annotation/field sync (applySeccompVersionSkew) only fills in whichever of the two is missing, so
///   the "must match" rule applies when the spec has both.
/// </remarks>
internal static class PodValidation
{
    public const string MirrorPodAnnotationKey = "kubernetes.io/config.mirror";
    public const string SeccompPodAnnotationKey = "seccomp.security.alpha.kubernetes.io/pod";
    public const string SeccompContainerAnnotationKeyPrefix = "container.seccomp.security.alpha.kubernetes.io/";
    public const string AppArmorContainerAnnotationKeyPrefix = "container.apparmor.security.beta.kubernetes.io/";

    private static readonly string[] RestartPolicies = { "Always", "OnFailure", "Never" };
    private static readonly string[] PreemptionPolicies = { "PreemptLowerPriority", "Never" };

    /// <summary><paramref name="node"/>'s node reported at <paramref name="path"/> (the server's path, where it differs from the v1 field's).</summary>
    public static SpecNode At(SpecNode node, FieldPath path) => new(node.Node, path, node.Location);

    /// <summary>ValidatePodCreate (validatePodMetadataAndSpec and the create-only rules): a v1 Pod.</summary>
    public static void ValidatePod(SpecValidation validation, SpecNode pod)
    {
        var metadata = pod["metadata"];
        var spec = pod["spec"];
        ObjectMetaValidation.ValidateObjectMeta(validation, metadata, requiresNamespace: true, ObjectMetaValidation.NameIsDnsSubdomain);
        ValidatePodSpecificAnnotations(validation, metadata["annotations"], metadata.Path.Child("annotations"), spec);
        ValidatePodSpec(validation, spec, metadata);
        ValidateContainersOnlyForPod(validation, spec["containers"]);
        ValidateContainersOnlyForPod(validation, spec["initContainers"]);
        WarnEphemeralContainersDropped(validation, spec);
        ValidateSeccompAnnotationsAndFields(validation, metadata["annotations"], spec);
    }

    /// <summary>A pod task's bare PodSpec document: the spec of a Pod whose metadata is Flows' (ValidatePodCreate without ObjectMeta).</summary>
    public static void ValidateBarePodSpec(SpecValidation validation, SpecNode spec)
    {
        var metadata = new SpecNode(null, FieldPath.Of("metadata"), spec.Location);
        ValidatePodSpec(validation, spec, metadata);
        ValidateContainersOnlyForPod(validation, spec["containers"]);
        ValidateContainersOnlyForPod(validation, spec["initContainers"]);
        WarnEphemeralContainersDropped(validation, spec);
    }

    /// <summary>ValidatePodTemplateSpec: a Job's pod template. The server's paths skip "metadata" (spec.template.labels).</summary>
    public static void ValidatePodTemplateSpec(SpecValidation validation, SpecNode template)
    {
        var metadata = template["metadata"];
        var spec = template["spec"];
        var annotations = metadata["annotations"];
        var annotationsPath = template.Path.Child("annotations");
        ObjectMetaValidation.ValidateLabels(validation, At(metadata["labels"], template.Path.Child("labels")));
        ObjectMetaValidation.ValidateAnnotations(validation, At(annotations, annotationsPath));
        ValidatePodSpecificAnnotations(validation, annotations, annotationsPath, spec);
        ValidatePodSpec(validation, spec, metadata);
        ValidateSeccompAnnotationsAndFields(validation, annotations, spec);
        WarnEphemeralContainersDropped(validation, spec);
    }

    /// <summary>ValidatePodSpec, its checks in the server's order.</summary>
    public static void ValidatePodSpec(SpecValidation validation, SpecNode spec, SpecNode podMetadata)
    {
        var errors = validation.Errors;
        var volumes = VolumeValidation.ValidateVolumes(validation, spec["volumes"], podMetadata);
        ContainerValidation.ValidateContainers(validation, spec["containers"], volumes, spec);
        ContainerValidation.ValidateInitContainers(validation, spec["initContainers"], spec["containers"], volumes, spec);
        ValidateRestartPolicy(validation, spec);
        var dnsPolicy = PodDnsValidation.EffectiveDnsPolicy(spec);
        PodDnsValidation.ValidateDnsPolicy(validation, spec["dnsPolicy"], dnsPolicy);
        ObjectMetaValidation.ValidateLabels(validation, spec["nodeSelector"]);
        SecurityContextValidation.ValidatePodSecurityContext(validation, spec);
        // validateImagePullSecrets: "only name may be set" cannot fail with v1's LocalObjectReference (see above).
        AffinityValidation.ValidateAffinity(validation, spec["affinity"]);
        PodDnsValidation.ValidatePodDnsConfig(validation, spec["dnsConfig"], dnsPolicy);
        ValidateReadinessGates(validation, spec["readinessGates"]);
        TopologySpreadValidation.ValidateTopologySpreadConstraints(validation, spec["topologySpreadConstraints"]);
        ValidateSubdomainName(validation, spec["serviceAccountName"]);
        ValidateSubdomainName(validation, spec["nodeName"]);
        ValidateActiveDeadlineSeconds(validation, spec["activeDeadlineSeconds"]);
        PodDnsValidation.ValidateHostnameAndSubdomain(validation, spec);
        if (spec["tolerations"].Items.Count > 0)
        {
            TolerationValidation.ValidateTolerations(validation, spec["tolerations"]);
        }
        if (spec["hostAliases"].Items.Count > 0)
        {
            PodDnsValidation.ValidateHostAliases(validation, spec["hostAliases"]);
        }
        ValidateSubdomainName(validation, spec["priorityClassName"]);
        var runtimeClassName = spec["runtimeClassName"];
        if (runtimeClassName.String is { } runtimeClass)
        {
            // ValidateRuntimeClassName: a pointer, so "" is checked too.
            errors.InvalidEach(runtimeClassName, runtimeClass, NameRules.IsDns1123Subdomain(runtimeClass));
        }
        var preemptionPolicy = spec["preemptionPolicy"];
        if (preemptionPolicy.String is { } preemption)
        {
            ValidatePreemptionPolicy(validation, preemptionPolicy, preemption);
        }
        ResourceValidation.ValidateOverhead(validation, spec["overhead"]);
    }

    /// <summary>
    /// validateRestartPolicy, on the defaulted value: absent or "" is Always (v1 SetDefaults_PodSpec), or Never for a
    /// pod task (Flows sets it).
    /// </summary>
    private static void ValidateRestartPolicy(SpecValidation validation, SpecNode spec)
    {
        var restartPolicy = spec["restartPolicy"];
        var policy = restartPolicy.String is { Length: > 0 } value ? value
            : validation.Options.FlowsDefaultsRestartPolicyToNever ? "Never" : "Always";
        if (Array.IndexOf(RestartPolicies, policy) < 0)
        {
            validation.Errors.NotSupported(restartPolicy, policy, RestartPolicies, SpecRule.RestartPolicy);
        }
    }

    /// <summary>ValidatePreemptionPolicy.</summary>
    private static void ValidatePreemptionPolicy(SpecValidation validation, SpecNode field, string policy)
    {
        if (policy.Length == 0)
        {
            validation.Errors.Required(field);
        }
        else if (Array.IndexOf(PreemptionPolicies, policy) < 0)
        {
            validation.Errors.NotSupported(field, policy, PreemptionPolicies);
        }
    }

    /// <summary>validateReadinessGates: each conditionType a qualified name.</summary>
    private static void ValidateReadinessGates(SpecValidation validation, SpecNode readinessGates)
    {
        foreach (var gate in readinessGates.Items)
        {
            var conditionType = gate["conditionType"];
            validation.Errors.InvalidEach(conditionType, conditionType.StringOrEmpty, NameRules.IsQualifiedName(conditionType.StringOrEmpty));
        }
    }

    /// <summary>
    /// ValidatePodSpec's serviceAccountName (ValidateServiceAccountName), nodeName (ValidateNodeName) and
    /// priorityClassName (ValidatePriorityClassName) checks: when set, each is a DNS subdomain.
    /// </summary>
    private static void ValidateSubdomainName(SpecValidation validation, SpecNode field)
    {
        if (field.String is { Length: > 0 } name)
        {
            validation.Errors.InvalidEach(field, name, NameRules.IsDns1123Subdomain(name));
        }
    }

    /// <summary>ValidatePodSpec's activeDeadlineSeconds: when set, 1 to 2147483647.</summary>
    private static void ValidateActiveDeadlineSeconds(SpecValidation validation, SpecNode field)
    {
        if (field.Integer is { } value && (value < 1 || value > int.MaxValue))
        {
            validation.Errors.Invalid(field, value, NameRules.InclusiveRangeError(1, int.MaxValue));
        }
    }

    /// <summary>validateContainersOnlyForPod: a Pod's (not a template's) container images have no leading or trailing whitespace.</summary>
    private static void ValidateContainersOnlyForPod(SpecValidation validation, SpecNode containers)
    {
        foreach (var container in containers.Items)
        {
            var image = container["image"];
            if (image.String is { } value && value.Length != value.Trim().Length && !validation.IsOverwritten(image.Path))
            {
                validation.Errors.Invalid(image, value, "must not have leading or trailing whitespace");
            }
        }
    }

    /// <summary>The EphemeralContainers gate is Alpha (off) in 1.20: the server drops the field before validation.</summary>
    private static void WarnEphemeralContainersDropped(SpecValidation validation, SpecNode spec)
    {
        var ephemeral = spec["ephemeralContainers"];
        if (ephemeral.Items.Count > 0)
        {
            validation.Errors.UnknownField(ephemeral.Path, ephemeral.Location!,
                "ephemeralContainers is dropped by the API server (the EphemeralContainers feature is off in Kubernetes 1.20; they can only be added to a running pod)");
        }
    }

    /// <summary>ValidatePodSpecificAnnotations: the mirror pod, tolerations, seccomp and AppArmor annotations.</summary>
    /// <param name="annotationsPath">metadata.annotations for a Pod; the template's quirk spec.template.annotations for a template.</param>
    private static void ValidatePodSpecificAnnotations(SpecValidation validation, SpecNode annotations, FieldPath annotationsPath, SpecNode spec)
    {
        var errors = validation.Errors;
        // Annotation values that are not strings are the schema check's (treated as absent here).
        var mirror = annotations[MirrorPodAnnotationKey];
        if (mirror.String is { } mirrorValue && spec["nodeName"].StringOrEmpty.Length == 0)
        {
            errors.Invalid(At(mirror, annotationsPath.Key(MirrorPodAnnotationKey)), mirrorValue, "must set spec.nodeName if mirror pod annotation is set");
        }
        var tolerations = annotations[TolerationValidation.TolerationsAnnotationKey];
        if (tolerations.StringOrEmpty.Length > 0)
        {
            TolerationValidation.ValidateTolerationsInPodAnnotations(validation, tolerations, annotationsPath);
        }
        // ValidateSeccompPodAnnotations
        var podSeccomp = annotations[SeccompPodAnnotationKey];
        if (podSeccomp.String is { } podProfile)
        {
            ValidateSeccompProfile(validation, At(podSeccomp, annotationsPath.Child(SeccompPodAnnotationKey)), podProfile);
        }
        foreach (var entry in annotations.Entries)
        {
            if (entry.Key.StartsWith(SeccompContainerAnnotationKeyPrefix, StringComparison.Ordinal) && entry.Value.String is { } containerProfile)
            {
                ValidateSeccompProfile(validation, At(entry.Value, annotationsPath.Child(entry.Key)), containerProfile);
            }
        }
        // ValidateAppArmorPodAnnotations
        foreach (var entry in annotations.Entries)
        {
            if (!entry.Key.StartsWith(AppArmorContainerAnnotationKeyPrefix, StringComparison.Ordinal) || entry.Value.String is null)
            {
                continue;
            }
            var at = At(entry.Value, annotationsPath.Key(entry.Key));
            var containerName = entry.Key.Substring(AppArmorContainerAnnotationKeyPrefix.Length);
            if (!PodSpecHasContainer(validation, spec, containerName))
            {
                errors.Invalid(at, containerName, "container not found");
            }
            // apparmor.ValidateProfileFormat
            var profile = entry.Value.String ?? "";
            if (!(profile is "" or "runtime/default" or "unconfined" || profile.StartsWith("localhost/", StringComparison.Ordinal)))
            {
                errors.Invalid(at, profile, $"invalid AppArmor profile name: \"{profile}\"");
            }
        }
    }

    /// <summary>podSpecHasContainer: a container or init container of that name (ephemeral ones are dropped in 1.20), or the one Flows adds.</summary>
    private static bool PodSpecHasContainer(SpecValidation validation, SpecNode spec, string name)
    {
        foreach (var list in new[] { "containers", "initContainers" })
        {
            foreach (var container in spec[list].Items)
            {
                if (container["name"].String == name)
                {
                    return true;
                }
            }
        }
        return validation.Options.FlowsAddsContainer && validation.Options.FlowsContainer == name;
    }

    /// <summary>ValidateSeccompProfile: an annotation's seccomp profile.</summary>
    private static void ValidateSeccompProfile(SpecValidation validation, SpecNode field, string profile)
    {
        if (profile is "runtime/default" or "docker/default" or "unconfined")
        {
            return;
        }
        if (profile.StartsWith("localhost/", StringComparison.Ordinal))
        {
            ValidateLocalDescendingPath(validation, field, profile.Substring("localhost/".Length));
            return;
        }
        validation.Errors.Invalid(field, profile, "must be a valid seccomp profile");
    }

    /// <summary>validateLocalDescendingPath: relative, without '..'.</summary>
    private static void ValidateLocalDescendingPath(SpecValidation validation, SpecNode field, string path)
    {
        if (path.StartsWith("/", StringComparison.Ordinal))
        {
            validation.Errors.Invalid(field, path, "must be a relative path");
        }
        // validatePathNoBacksteps
        if (Array.IndexOf(path.Split('/'), "..") >= 0)
        {
            validation.Errors.Invalid(field, path, "must not contain '..'");
        }
    }

    /// <summary>validateSeccompAnnotationsAndFields: when a seccomp annotation and the matching seccompProfile field are both set, they must agree.</summary>
    private static void ValidateSeccompAnnotationsAndFields(SpecValidation validation, SpecNode annotations, SpecNode spec)
    {
        var podProfile = spec["securityContext"]["seccompProfile"];
        if (podProfile.Exists && annotations[SeccompPodAnnotationKey].String is { } podAnnotation)
        {
            ValidateSeccompAnnotationsAndFieldsMatch(validation, podAnnotation, podProfile);
        }
        foreach (var list in new[] { "initContainers", "containers" })
        {
            foreach (var container in spec[list].Items)
            {
                var profile = container["securityContext"]["seccompProfile"];
                if (!profile.Exists)
                {
                    continue;
                }
                var annotation = annotations[SeccompContainerAnnotationKeyPrefix + container["name"].StringOrEmpty];
                if (annotation.String is { } value)
                {
                    ValidateSeccompAnnotationsAndFieldsMatch(validation, value, profile);
                }
            }
        }
    }

    /// <summary>validateSeccompAnnotationsAndFieldsMatch.</summary>
    private static void ValidateSeccompAnnotationsAndFieldsMatch(SpecValidation validation, string annotation, SpecNode profile)
    {
        var type = profile["type"];
        switch (type.StringOrEmpty)
        {
            case "Unconfined":
                if (annotation != "unconfined")
                {
                    validation.Errors.Forbidden(type, "seccomp type in annotation and field must match");
                }
                break;
            case "RuntimeDefault":
                if (annotation is not ("runtime/default" or "docker/default"))
                {
                    validation.Errors.Forbidden(type, "seccomp type in annotation and field must match");
                }
                break;
            case "Localhost":
                if (!annotation.StartsWith("localhost/", StringComparison.Ordinal))
                {
                    validation.Errors.Forbidden(type, "seccomp type in annotation and field must match");
                }
                else if (profile["localhostProfile"].String is not { } local || annotation.Substring("localhost/".Length) != local)
                {
                    validation.Errors.Forbidden(profile["localhostProfile"], "seccomp profile in annotation and field must match");
                }
                break;
        }
    }
}
