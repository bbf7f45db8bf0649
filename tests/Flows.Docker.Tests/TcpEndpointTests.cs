using System.Threading.Tasks;
using Flows.Docker.Tests.Support;

namespace Flows.Docker.Tests;

/// <summary>The daemon on tcp://127.0.0.1:2375 (where the seed 000 flow finds its dind sidecar, as tcp://localhost:2375).</summary>
public sealed class TcpEndpointTests
{
    [DockerFact(Url = TestEngine.TcpUrl)]
    public async Task Runs_a_container_through_the_tcp_url()
    {
        using var docker = await TestEngine.ConnectAsync(TestEngine.TcpUrl);
        await docker.PullImageAsync(TestEngine.RegistryRepository, TestEngine.RegistryTag).WaitAsync(TestEngine.HangGuard);

        var run = await docker.RunContainerAsync(TestEngine.Shell("echo over-tcp; echo err-over-tcp >&2")).WaitAsync(TestEngine.HangGuard);

        Assert.Equal("tcp://127.0.0.1:2375", docker.Endpoint.ToString());
        Assert.Equal("over-tcp\n", run.Logs.Stdout);
        Assert.Equal("err-over-tcp\n", run.Logs.Stderr);
    }

    [DockerFact(Url = "tcp://localhost:2375")]
    public async Task The_seed_000_sidecar_url_works_as_written()
    {
        using var docker = await TestEngine.ConnectAsync(DockerEndpoint.SidecarUrl);

        var run = await docker.RunContainerAsync(TestEngine.Shell("echo via-localhost")).WaitAsync(TestEngine.HangGuard);

        Assert.Equal("via-localhost\n", run.Logs.Stdout);
    }
}
