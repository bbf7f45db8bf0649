using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.Validation;

/// <summary>validateObjectFieldSelector and validateContainerResourceFieldSelector of pkg/apis/core/validation (1.20), shared by env valueFrom and downwardAPI volumes.</summary>
internal static class FieldSelectorValidation
{
    /// <summary>validateObjectFieldSelector: a fieldRef (apiVersion, fieldPath) whose path must be one of <paramref name="validExpressions"/>.</summary>
    public static void ValidateObjectFieldSelector(SpecValidation validation, SpecNode fieldRef, ICollection<string> validExpressions)
    {
    }

    /// <summary>validateContainerResourceFieldSelector: a resourceFieldRef (containerName, resource, divisor).</summary>
    public static void ValidateContainerResourceFieldSelector(SpecValidation validation, SpecNode resourceFieldRef, ICollection<string> validExpressions, ICollection<string> prefixes, bool volume)
    {
    }
}
