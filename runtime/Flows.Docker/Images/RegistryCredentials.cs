using Docker.DotNet.Models;

namespace Flows.Docker;

/// <summary>Credentials for a private registry, handed to the daemon for one pull.</summary>
public sealed record RegistryCredentials(string Username, string Password, string? ServerAddress = null)
{
    public override string ToString() => $"RegistryCredentials {{ Username = {Username}, ServerAddress = {ServerAddress} }}";

    internal AuthConfig ToAuthConfig() => new() { Username = Username, Password = Password, ServerAddress = ServerAddress };
}
