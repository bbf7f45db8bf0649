namespace Flows.Generators.Storage;

/// <summary>The shape of [DockerStorage]'s EnvironmentVariables and Files entries, reported as InvalidDockerStorageEntry.</summary>
internal static class DockerStorageEntryRules
{
    /// <summary>Null when the entry is well formed; else what is wrong.</summary>
    public static string? EnvironmentVariableProblem(string entry) =>
        entry.IndexOf('=') <= 0 ? $"EnvironmentVariables entry '{entry}' must be NAME=value" : null;

    public static string? FileProblem(string entry)
    {
        var separator = entry.LastIndexOf(':');
        if (separator <= 0 || separator == entry.Length - 1)
        {
            return $"Files entry '{entry}' must be source:destination";
        }
        return entry[separator + 1] == '/' ? null : $"Files entry '{entry}': the destination must be an absolute path in the image";
    }
}
