using System;

namespace Flows;

/// <summary>
/// Where and how the flow's image is built and stored (Prefect's <c>Docker</c> storage): the flow
/// container runs <c>registry_url/image_name:image_tag</c>, built by the entrypoint's <c>build</c>
/// command (Flows.Docker) from the published application on <see cref="BaseImage"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class DockerStorageAttribute : Attribute
{
    /// <summary>The default base: the runtime dependencies of a self-contained .NET app (glibc, libstdc++) on busybox, as scripts/setup-docker.sh makes it.</summary>
    public const string DefaultBaseImage = "localhost:5000/flows/dotnet-deps:1";

    /// <summary>The registry, e.g. "gcr.io/dev" or "127.0.0.1:5000"; empty for Docker Hub.</summary>
    public string? RegistryUrl { get; set; }

    /// <summary>The image name (repository), e.g. "flows/hello".</summary>
    public string? ImageName { get; set; }

    /// <summary>The image tag, e.g. "0.1.0". When not given, <c>build</c> derives it from the content of what it builds (same input, same tag).</summary>
    public string? ImageTag { get; set; }

    /// <summary>The image to build on; it must be in the local engine or pullable. Default: <see cref="DefaultBaseImage"/>.</summary>
    public string? BaseImage { get; set; }

    /// <summary>Environment variables of the image, each "NAME=value".</summary>
    public string[]? EnvironmentVariables { get; set; }

    /// <summary>Files to copy into the image, each "source:destination": source relative to the project folder, destination an absolute path in the image.</summary>
    public string[]? Files { get; set; }
}
