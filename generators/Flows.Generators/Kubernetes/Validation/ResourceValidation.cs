namespace Flows.Generators.Kubernetes.Validation;

/// <summary>ValidateResourceRequirements, validateResourceName, ValidateResourceQuantityValue and validateOverhead of pkg/apis/core/validation (1.20).</summary>
internal static class ResourceValidation
{
    /// <summary>validateOverhead: a pod's spec.overhead.</summary>
    public static void ValidateOverhead(SpecValidation validation, SpecNode overhead)
    {
    }
}
