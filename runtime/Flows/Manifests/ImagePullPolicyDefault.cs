namespace Flows.Manifests;

/// <summary>
/// The API server's default for a container's <c>imagePullPolicy</c> (SetDefaults_Container): <c>Always</c> when the
/// image's tag is <c>latest</c> or it has neither a tag nor a digest, else <c>IfNotPresent</c>. Written once, for the
/// local runner and (linked, netstandard2.0-safe) for build-time checks.
/// </summary>
#if FLOWS_GENERATOR
internal
#else
public
#endif
static class ImagePullPolicyDefault
{
    public const string Always = "Always";
    public const string IfNotPresent = "IfNotPresent";

    /// <summary>The policy the API server would set for <paramref name="image"/> when the spec gives none.</summary>
    public static string For(string image) => TagOf(image) == "latest" ? Always : IfNotPresent;

    /// <summary>
    /// The tag as ParseImageName reads it: after the last ':' of the last path component (a registry's port is not
    /// a tag), before any '@digest'; "latest" when the reference has neither tag nor digest; "" for a digest only.
    /// </summary>
    public static string TagOf(string image) => ExplicitTagOf(image) ?? (image.IndexOf('@') < 0 ? "latest" : "");

    /// <summary>The tag the reference writes (after the last ':' of its last path component, before any '@digest'); null when it writes none.</summary>
    public static string? ExplicitTagOf(string image)
    {
        var at = image.IndexOf('@');
        var name = at < 0 ? image : image.Substring(0, at);
        var colon = name.IndexOf(':', name.LastIndexOf('/') + 1);
        return colon >= 0 ? name.Substring(colon + 1) : null;
    }
}
