using System;
using System.Collections.Generic;

namespace Flows.Docker.Tests;

/// <summary>Which daemon and how: explicit URL, else DOCKER_HOST, else the local socket; TLS from the environment.</summary>
public sealed class EndpointResolutionTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var values = new Dictionary<string, string>();
        foreach (var (name, value) in variables)
        {
            values[name] = value;
        }
        return name => values.GetValueOrDefault(name);
    }

    [Fact]
    public void Without_url_or_DOCKER_HOST_it_is_the_local_socket()
    {
        var endpoint = DockerEndpoint.Resolve(null, Environment());

        Assert.Equal("unix:///var/run/docker.sock", endpoint.ToString());
        Assert.True(endpoint.IsUnixSocket);
        Assert.Null(endpoint.Tls);
        Assert.Equal("the default local socket", endpoint.Source);
    }

    [Fact]
    public void DOCKER_HOST_is_used_when_no_url_is_given()
    {
        var endpoint = DockerEndpoint.Resolve("", Environment(("DOCKER_HOST", "tcp://localhost:2375")));

        Assert.Equal("tcp://localhost:2375", endpoint.ToString());
        Assert.Equal("DOCKER_HOST", endpoint.Source);
    }

    [Fact]
    public void An_explicit_url_wins_over_DOCKER_HOST()
    {
        var endpoint = DockerEndpoint.Resolve("unix:///run/other.sock", Environment(("DOCKER_HOST", "tcp://localhost:2375")));

        Assert.Equal("unix:///run/other.sock", endpoint.ToString());
        Assert.Equal("the explicit URL", endpoint.Source);
    }

    [Fact]
    public void A_tcp_url_without_port_gets_2375_and_with_TLS_2376()
    {
        Assert.Equal("tcp://localhost:2375", DockerEndpoint.Resolve("tcp://localhost", Environment()).ToString());

        var tls = DockerEndpoint.Resolve("tcp://docker.example", Environment(("DOCKER_TLS_VERIFY", "1"), ("DOCKER_CERT_PATH", "/certs")));

        Assert.Equal("tcp://docker.example:2376", tls.ToString());
        Assert.Equal(new DockerTls("/certs"), tls.Tls);
    }

    [Fact]
    public void TLS_certificates_default_to_dot_docker_in_HOME()
    {
        var endpoint = DockerEndpoint.Resolve("tcp://localhost:2376", Environment(("DOCKER_TLS_VERIFY", "1"), ("HOME", "/home/me")));

        Assert.Equal("/home/me/.docker", endpoint.Tls?.CertPath);
    }

    [Fact]
    public void A_unix_socket_never_uses_TLS()
    {
        var endpoint = DockerEndpoint.Resolve(null, Environment(("DOCKER_TLS_VERIFY", "1")));

        Assert.Null(endpoint.Tls);
    }

    [Fact]
    public void A_bare_path_is_a_unix_socket()
    {
        Assert.Equal("unix:///var/run/docker.sock", DockerEndpoint.Resolve("/var/run/docker.sock", Environment()).ToString());
    }

    [Theory]
    [InlineData("ssh://me@host")]
    [InlineData("localhost:2375")]
    [InlineData("unix://docker.sock")]
    public void An_unsupported_url_is_refused_with_the_forms_that_work(string url)
    {
        var error = Assert.Throws<ArgumentException>(() => DockerEndpoint.Resolve(url, Environment()));

        Assert.Contains(UrlRedaction.ForDisplay(url), error.Message); // user info (ssh://me@) is never printed
        Assert.Contains("unix:///", error.Message);
    }
}
