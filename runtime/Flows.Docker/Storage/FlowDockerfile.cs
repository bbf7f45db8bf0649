using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Flows.Docker.Storage;

/// <summary>
/// The Dockerfile of a flow image: <c>FROM</c> the base, the published application in <c>/app</c>, the
/// environment variables, the extra files, <c>USER 1654:1654</c> (<see cref="User"/>), and
/// <c>ENTRYPOINT ["/app/&lt;AssemblyName&gt;"]</c> with <c>CMD ["run"]</c>. Only the build context's own files are
/// copied; nothing runs at build time. The files belong to root and are readable by all (<see cref="DeterministicTar"/>),
/// so the flow runs as that unprivileged user with a read-only root.
/// </summary>
public static class FlowDockerfile
{
    /// <summary>Where the published application goes in the build context and in the image.</summary>
    public const string AppFolder = "app";

    /// <summary>The folder of the build context that holds <see cref="DockerStorageDefinition.Files"/>, one numbered sub-folder each.</summary>
    public const string FilesFolder = "files";

    /// <summary>The image's numeric user and group: numeric, so that the kubelet can verify <c>runAsNonRoot</c>.</summary>
    public static readonly string User = $"{Flows.Manifests.RestrictedPodDefaults.FlowImageUserId}:{Flows.Manifests.RestrictedPodDefaults.FlowImageUserId}";

    /// <param name="baseImageId">The base image's id as the engine has it: written as a comment, so that a changed base changes the context and so the derived tag.</param>
    /// <param name="files">The context path (under <see cref="FilesFolder"/>) and image destination of each extra file or folder.</param>
    public static string Create(DockerStorageDefinition storage, string? baseImageId, IReadOnlyList<KeyValuePair<string, string>> files)
    {
        var text = new StringBuilder();
        text.Append("# Flows Docker storage: written by the entrypoint's 'build' command.\n");
        if (baseImageId is not null)
        {
            text.Append("# base image id: ").Append(baseImageId).Append('\n');
        }
        text.Append("FROM ").Append(storage.BaseImage).Append('\n');
        text.Append("COPY ").Append(Json(AppFolder + "/", "/app/")).Append('\n');
        foreach (var (name, value) in storage.EnvironmentVariables)
        {
            text.Append("ENV ").Append(name).Append('=').Append(Quoted(name, value)).Append('\n');
        }
        foreach (var (source, destination) in files)
        {
            text.Append("COPY ").Append(Json(source, destination)).Append('\n');
        }
        text.Append("WORKDIR /app\n");
        text.Append("USER ").Append(User).Append('\n');
        text.Append("ENTRYPOINT ").Append(Json("/app/" + storage.AssemblyName)).Append('\n');
        text.Append("CMD ").Append(Json("run")).Append('\n');
        return text.ToString();
    }

    /// <summary>Null when <paramref name="name"/> can be an ENV key; else why not.</summary>
    public static string? EnvironmentVariableNameProblem(string name) =>
        name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || c is '=' or '"' or '\'' or '$' or '\\' || char.IsControl(c))
            ? $"the environment variable name '{name}' must be non-empty, without spaces, '=', quotes, '$' or '\\'"
            : null;

    // Inside double quotes a Dockerfile ENV value is read like a shell word: \ escapes \, " and $, and $ expands variables.
    private static string Quoted(string name, string value)
    {
        if (value.Any(c => c is '\n' or '\r'))
        {
            throw new ArgumentException($"The value of environment variable {name} has a line break, which a Dockerfile ENV cannot hold.", nameof(value));
        }
        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c is '\\' or '"' or '$')
            {
                quoted.Append('\\');
            }
            quoted.Append(c);
        }
        return quoted.Append('"').ToString();
    }

    private static string Json(params string[] parts) => JsonSerializer.Serialize(parts, FlowDockerfileJson.Default.StringArray);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
internal sealed partial class FlowDockerfileJson : System.Text.Json.Serialization.JsonSerializerContext;
