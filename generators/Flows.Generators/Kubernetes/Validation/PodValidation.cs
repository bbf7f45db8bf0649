namespace Flows.Generators.Kubernetes.Validation;

/// <summary>ValidatePod, ValidatePodTemplateSpec and ValidatePodSpec of pkg/apis/core/validation (1.20): the pod-level rules.</summary>
internal static class PodValidation
{
    /// <summary>ValidatePod: a v1 Pod (its metadata and spec).</summary>
    public static void ValidatePod(SpecValidation validation, SpecNode pod)
    {
        var metadata = pod["metadata"];
        ObjectMetaValidation.ValidateObjectMeta(validation, metadata, requiresNamespace: true, ObjectMetaValidation.NameIsDnsSubdomain);
        ValidatePodSpec(validation, pod["spec"], metadata);
    }

    /// <summary>ValidatePodTemplateSpec: a Job's pod template.</summary>
    public static void ValidatePodTemplateSpec(SpecValidation validation, SpecNode template)
    {
        var metadata = template["metadata"];
        ObjectMetaValidation.ValidateLabels(validation, metadata["labels"]);
        ObjectMetaValidation.ValidateAnnotations(validation, metadata["annotations"]);
        ValidatePodSpec(validation, template["spec"], metadata);
    }

    /// <summary>ValidatePodSpec.</summary>
    public static void ValidatePodSpec(SpecValidation validation, SpecNode spec, SpecNode podMetadata)
    {
        var volumes = VolumeValidation.ValidateVolumes(validation, spec["volumes"], podMetadata);
        ContainerValidation.ValidateContainers(validation, spec["containers"], volumes, spec);
        ContainerValidation.ValidateInitContainers(validation, spec["initContainers"], spec["containers"], volumes, spec);
        SecurityContextValidation.ValidatePodSecurityContext(validation, spec);
        ResourceValidation.ValidateOverhead(validation, spec["overhead"]);
    }
}
