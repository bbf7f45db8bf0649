namespace Flows.Docker.Storage;

/// <summary>What <see cref="FlowImageBuilder"/> does besides building.</summary>
public sealed record FlowImageBuildOptions
{
    /// <summary>Run the health check (<c>/app/&lt;AssemblyName&gt; check</c>) in a container of the new image; on by default.</summary>
    public bool Check { get; init; } = true;

    /// <summary>Push the image to its registry after the check.</summary>
    public bool Push { get; init; }

    /// <summary>For a registry that wants them; none by default.</summary>
    public RegistryCredentials? Credentials { get; init; }

    /// <summary>The Docker engine; default: <c>DOCKER_HOST</c>, else the local socket.</summary>
    public DockerConnectionOptions? Docker { get; init; }
}
