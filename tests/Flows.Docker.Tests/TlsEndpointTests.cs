using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Flows.Docker.Tests.Support;

namespace Flows.Docker.Tests;

/// <summary>
/// DOCKER_TLS_VERIFY / DOCKER_CERT_PATH: the client presents cert.pem/key.pem and trusts only ca.pem,
/// against a TLS front (client certificates required) to the real daemon.
/// </summary>
public sealed class TlsEndpointTests
{
    private static DockerEndpoint Resolve(string url, string certPath)
    {
        var environment = new Dictionary<string, string> { ["DOCKER_TLS_VERIFY"] = "1", ["DOCKER_CERT_PATH"] = certPath };
        return DockerEndpoint.Resolve(url, name => environment.GetValueOrDefault(name));
    }

    [DockerFact(Url = TestEngine.SocketUrl)]
    public async Task Talks_TLS_with_the_certificates_in_DOCKER_CERT_PATH()
    {
        using var certificates = TestCertificates.Create();
        await using var daemon = LoopbackForwarder.Start(tls: new LoopbackForwarder.TlsServer(certificates.Server, certificates.Authority));
        var endpoint = Resolve($"tcp://localhost:{daemon.Port}", certificates.CertPath);

        using var docker = await DockerEngine.ConnectAsync(new DockerConnectionOptions { Endpoint = endpoint });
        var run = await docker.RunContainerAsync(TestEngine.Shell("echo over-tls")).WaitAsync(TestEngine.HangGuard);

        Assert.Equal("over-tls\n", run.Logs.Stdout);
    }

    [DockerFact(Url = TestEngine.SocketUrl)]
    public async Task A_daemon_whose_certificate_is_not_from_ca_pem_is_refused()
    {
        using var trusted = TestCertificates.Create();
        using var other = TestCertificates.Create();
        await using var daemon = LoopbackForwarder.Start(tls: new LoopbackForwarder.TlsServer(other.Server, trusted.Authority));
        var endpoint = Resolve($"tcp://localhost:{daemon.Port}", trusted.CertPath);

        var error = await Assert.ThrowsAsync<DockerDaemonUnreachableException>(() => DockerEngine.ConnectAsync(new DockerConnectionOptions { Endpoint = endpoint }));

        Assert.Contains($"tcp://localhost:{daemon.Port}", error.Message);
    }

    [DockerFact(Url = TestEngine.SocketUrl)]
    public async Task A_daemon_certificate_for_another_host_name_is_refused()
    {
        using var certificates = TestCertificates.Create(serverName: "docker.elsewhere");
        await using var daemon = LoopbackForwarder.Start(tls: new LoopbackForwarder.TlsServer(certificates.Server, certificates.Authority));
        var endpoint = Resolve($"tcp://localhost:{daemon.Port}", certificates.CertPath);

        await Assert.ThrowsAsync<DockerDaemonUnreachableException>(() => DockerEngine.ConnectAsync(new DockerConnectionOptions { Endpoint = endpoint }));
    }

    [Fact]
    public async Task Missing_certificate_files_are_named()
    {
        var endpoint = Resolve("tcp://localhost:2376", "/nonexistent/certs");

        var error = await Assert.ThrowsAsync<System.IO.FileNotFoundException>(() => DockerEngine.ConnectAsync(new DockerConnectionOptions { Endpoint = endpoint }));

        Assert.Contains("ca.pem is missing from /nonexistent/certs", error.Message);
    }
}
