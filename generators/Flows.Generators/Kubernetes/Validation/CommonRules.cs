namespace Flows.Generators.Kubernetes.Validation;

/// <summary>The small shared checks of pkg/apis/core/validation: ValidateNonnegativeField, ValidatePositiveField and the like.</summary>
internal static class CommonRules
{
    public const string IsNegativeErrorMessage = "must be greater than or equal to 0";

    /// <summary>ValidateNonnegativeField: when the field is set (a Go pointer that is not nil), it must be ≥ 0.</summary>
    public static void NonNegative(SpecValidation validation, SpecNode field)
    {
        if (field.Integer is { } value && value < 0)
        {
            validation.Errors.Invalid(field, value, IsNegativeErrorMessage);
        }
    }

    /// <summary>ValidatePositiveField.</summary>
    public static void Positive(SpecValidation validation, SpecNode field)
    {
        if (field.Integer is { } value && value <= 0)
        {
            validation.Errors.Invalid(field, value, "must be greater than zero");
        }
    }

    /// <summary>ValidateDNS1123Label: a name such as a container's or a port's.</summary>
    public static void Dns1123Label(SpecValidation validation, SpecNode field, string value) =>
        validation.Errors.InvalidEach(field, value, NameRules.IsDns1123Label(value));

    /// <summary>ValidateDNS1123Subdomain.</summary>
    public static void Dns1123Subdomain(SpecValidation validation, SpecNode field, string value) =>
        validation.Errors.InvalidEach(field, value, NameRules.IsDns1123Subdomain(value));

    /// <summary>ValidateQualifiedName: a label key, a resource name, a node selector key.</summary>
    public static void QualifiedName(SpecValidation validation, SpecNode field, string value) =>
        validation.Errors.InvalidEach(field, value, NameRules.IsQualifiedName(value));
}
