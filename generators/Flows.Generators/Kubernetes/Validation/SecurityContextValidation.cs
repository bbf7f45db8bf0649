namespace Flows.Generators.Kubernetes.Validation;

/// <summary>ValidatePodSecurityContext, ValidateSecurityContext and what they share (seccomp, Windows options, sysctls) of pkg/apis/core/validation (1.20).</summary>
internal static class SecurityContextValidation
{
    /// <summary>ValidatePodSecurityContext: <paramref name="podSpec"/>'s securityContext (and the pod fields it is checked against).</summary>
    public static void ValidatePodSecurityContext(SpecValidation validation, SpecNode podSpec)
    {
    }
}
