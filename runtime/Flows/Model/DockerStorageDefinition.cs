using System.Collections.Generic;

namespace Flows;

/// <summary>A flow's Docker storage from <see cref="DockerStorageAttribute"/>, as the generator emits it.</summary>
/// <param name="Image">registry_url/image_name[:image_tag], slashes normalised; without a tag when ImageTag is not set.</param>
/// <param name="ProjectFile">The project that builds the flow application (its full path at build time), for <c>build</c> to publish.</param>
/// <param name="AssemblyName">The application's assembly name: the image runs /app/&lt;AssemblyName&gt;.</param>
public sealed record DockerStorageDefinition(
    string? RegistryUrl,
    string ImageName,
    string? ImageTag,
    string Image,
    string BaseImage,
    IReadOnlyList<KeyValuePair<string, string>> EnvironmentVariables,
    IReadOnlyList<KeyValuePair<string, string>> Files,
    string? ProjectFile,
    string AssemblyName);
