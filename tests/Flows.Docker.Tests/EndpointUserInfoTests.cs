using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Flows.Docker.Tests.Support;

namespace Flows.Docker.Tests;

/// <summary>A DOCKER_HOST with user info (tcp://user:pw@host) is never printed with it: not in errors, not in progress lines.</summary>
public sealed class EndpointUserInfoTests
{
    private const string Password = "pw-5ecr3t";

    [Fact]
    public async Task An_unreachable_daemon_is_named_without_the_user_info_of_DOCKER_HOST()
    {
        var port = FreePort.Next();
        var endpoint = DockerEndpoint.Resolve(null, Environment(("DOCKER_HOST", $"tcp://admin:{Password}@127.0.0.1:{port}")));

        var error = await Assert.ThrowsAsync<DockerDaemonUnreachableException>(() => DockerEngine.ConnectAsync(new DockerConnectionOptions { Endpoint = endpoint }));

        Assert.Equal($"tcp://127.0.0.1:{port}", endpoint.ToString());
        Assert.StartsWith($"Cannot reach the Docker daemon at tcp://127.0.0.1:{port} (from DOCKER_HOST): ", error.Message);
        Assert.DoesNotContain(Password, error.ToString());
        Assert.DoesNotContain("admin", error.Message);
    }

    [Theory]
    [InlineData("ftp://admin:" + Password + "@127.0.0.1:2375", "'ftp://127.0.0.1:2375' (from DOCKER_HOST) is not supported")]
    [InlineData("https://admin:" + Password + "@127.0.0.1:2376", "'https://127.0.0.1:2376' (from DOCKER_HOST) asks for https")]
    [InlineData("unix://admin:" + Password + "@", "'unix://' (from DOCKER_HOST)")]
    public void A_DOCKER_HOST_that_cannot_be_used_is_quoted_without_its_user_info(string dockerHost, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => DockerEndpoint.Resolve(null, Environment(("DOCKER_HOST", dockerHost))));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain(Password, error.Message);
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var values = new Dictionary<string, string>();
        foreach (var (name, value) in variables)
        {
            values[name] = value;
        }
        return name => values.GetValueOrDefault(name);
    }
}
