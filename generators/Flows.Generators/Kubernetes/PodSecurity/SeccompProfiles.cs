using Flows.Generators.Kubernetes.Validation;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>validSeccomp of check_seccompProfile_baseline.go, shared with the restricted check.</summary>
internal static class SeccompProfiles
{
    public static bool IsAllowed(string? type) => type is "RuntimeDefault" or "Localhost";

    /// <summary>A seccomp profile that is set to a type other than RuntimeDefault or Localhost (Unconfined).</summary>
    public static PodSecurityViolation? Forbidden(string id, PodSecurityLevel level, string setter, SpecNode profile)
    {
        if (!profile.Exists)
        {
            return null;
        }
        var type = profile["type"];
        return IsAllowed(type.String)
            ? null
            : new PodSecurityViolation(id, level, "seccompProfile", type,
                $"{setter} sets securityContext.seccompProfile.type to '{type.StringOrEmpty}', which turns the system call filter off: use RuntimeDefault or Localhost");
    }
}
