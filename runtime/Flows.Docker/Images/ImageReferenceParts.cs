namespace Flows.Docker;

/// <summary>An image reference split as the Engine API wants it: the repository, and a tag or a digest.</summary>
/// <param name="Repository">e.g. <c>localhost:5000/flows/dotnet-deps</c>.</param>
/// <param name="Tag">e.g. <c>1</c>, or <c>sha256:...</c> for a digest reference; <c>latest</c> when the reference has neither.</param>
public sealed record ImageReferenceParts(string Repository, string Tag, bool IsDigest)
{
    public static ImageReferenceParts Parse(string reference)
    {
        var at = reference.IndexOf('@');
        if (at >= 0)
        {
            return new ImageReferenceParts(WithoutTag(reference.Substring(0, at)), reference.Substring(at + 1), IsDigest: true);
        }
        var lastSlash = reference.LastIndexOf('/');
        var colon = reference.IndexOf(':', lastSlash + 1);
        return colon < 0
            ? new ImageReferenceParts(reference, "latest", IsDigest: false)
            : new ImageReferenceParts(reference.Substring(0, colon), reference.Substring(colon + 1), IsDigest: false);
    }

    private static string WithoutTag(string name)
    {
        var colon = name.IndexOf(':', name.LastIndexOf('/') + 1);
        return colon < 0 ? name : name.Substring(0, colon);
    }
}
