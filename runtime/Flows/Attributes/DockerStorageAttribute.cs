using System;

namespace Flows;

/// <summary>
/// Where the flow's image is stored (Prefect's <c>Docker</c> storage): the flow container runs
/// <c>registry_url/image_name:image_tag</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class DockerStorageAttribute : Attribute
{
    /// <summary>The registry, e.g. "gcr.io/dev" or "127.0.0.1:5000"; empty for Docker Hub.</summary>
    public string? RegistryUrl { get; set; }

    /// <summary>The image name (repository), e.g. "flows/hello".</summary>
    public string? ImageName { get; set; }

    /// <summary>The image tag, e.g. "0.1.0".</summary>
    public string? ImageTag { get; set; }
}
