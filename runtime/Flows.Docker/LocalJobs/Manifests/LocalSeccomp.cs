using System.Text.Json.Nodes;

namespace Flows.Docker.LocalJobs.Manifests;

/// <summary>
/// A <c>securityContext.seccompProfile</c> as the Docker engine can follow it: <c>RuntimeDefault</c> is the engine's
/// default profile (what every container gets), <c>Unconfined</c> is <c>seccomp=unconfined</c>; a <c>Localhost</c>
/// profile lives on a node, which this engine is not, so it is a warning and the default profile applies.
/// </summary>
internal static class LocalSeccomp
{
    /// <returns>The profile's type, or null when the context sets none.</returns>
    public static string? Read(JsonObject? securityContext, string securityPath, ManifestProblems problems)
    {
        var path = securityPath + ".seccompProfile";
        var profile = ManifestFields.Object(securityContext, "seccompProfile", securityPath, problems);
        switch (ManifestFields.String(profile, "type", path, problems))
        {
            case null:
                return null;
            case "RuntimeDefault":
                return "RuntimeDefault";
            case "Unconfined":
                return "Unconfined";
            case "Localhost":
                problems.Warn(path, "Localhost profiles are not emulated: the engine's default profile applies.");
                return "RuntimeDefault";
            case var other:
                problems.Error(path + ".type", $"'{other}' must be RuntimeDefault, Unconfined or Localhost.");
                return null;
        }
    }
}
