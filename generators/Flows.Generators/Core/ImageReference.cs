using System.Text.RegularExpressions;

namespace Flows.Generators.Core;

/// <summary>Builds <c>registry_url/image_name:image_tag</c> and checks it against the OCI distribution reference grammar.</summary>
internal static class ImageReference
{
    private static readonly Regex PathComponent = new("^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$");
    // The grammar's \w is ASCII; .NET's \w would also let letters such as 'é' through.
    private static readonly Regex Tag = new(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$");
    private static readonly Regex Domain = new(@"^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?$|^\[[0-9a-fA-F:]+\](?::[0-9]+)?$");

    /// <summary>Joins the parts with exactly one slash between registry and name, and a colon before the tag.</summary>
    public static string Compose(string? registryUrl, string? imageName, string? imageTag)
    {
        var registry = (registryUrl ?? "").Trim().TrimEnd('/');
        var name = (imageName ?? "").Trim().Trim('/');
        var reference = registry.Length == 0 ? name : registry + "/" + name;
        var tag = (imageTag ?? "").Trim();
        return tag.Length == 0 ? reference : reference + ":" + tag;
    }

    /// <summary>Null when valid; else what is wrong and how to fix it.</summary>
    public static string? Problem(string reference, out bool missingTag)
    {
        missingTag = false;
        if (reference.Length == 0)
        {
            return "it is empty: set ImageName on [DockerStorage]";
        }
        var name = reference;
        var lastSlash = reference.LastIndexOf('/');
        var colon = reference.IndexOf(':', lastSlash + 1);
        string? tag = null;
        if (colon >= 0)
        {
            name = reference.Substring(0, colon);
            tag = reference.Substring(colon + 1);
        }
        if (name.StartsWith("docker.io/docker.io/") || name.Contains("//"))
        {
            return "the registry is written twice or a slash is doubled (e.g. RegistryUrl \"docker.io/\" and ImageName \"docker.io/x\"): write it once";
        }
        var parts = name.Split('/');
        var first = 0;
        if (parts.Length > 1 && (parts[0].Contains(".") || parts[0].Contains(":") || parts[0] == "localhost" || parts[0].StartsWith("[")))
        {
            if (!Domain.IsMatch(parts[0]))
            {
                return $"the registry '{parts[0]}' is not a host name with an optional port";
            }
            first = 1;
        }
        for (var i = first; i < parts.Length; i++)
        {
            if (parts[i].Length == 0)
            {
                return "a path component is empty";
            }
            if (parts[i].ToLowerInvariant() != parts[i] && PathComponent.IsMatch(parts[i].ToLowerInvariant()))
            {
                return $"'{parts[i]}' has uppercase letters, which image names do not allow: write '{parts[i].ToLowerInvariant()}'";
            }
            if (!PathComponent.IsMatch(parts[i]))
            {
                return $"'{parts[i]}' may only hold lowercase letters, digits and single separators ('.', '_', '__', '-'), starting and ending with a letter or digit";
            }
        }
        if (name.Length > 255)
        {
            return "the name is longer than 255 characters";
        }
        if (tag is null)
        {
            missingTag = true;
            return null;
        }
        return Tag.IsMatch(tag) ? null : $"the tag '{tag}' may only hold letters, digits, '_', '.' and '-' (at most 128, not starting with '.' or '-')";
    }
}
