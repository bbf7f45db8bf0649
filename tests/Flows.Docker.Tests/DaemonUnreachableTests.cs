using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Flows.Docker.Tests.Support;

namespace Flows.Docker.Tests;

/// <summary>No daemon, a daemon not up yet, a daemon that went away: a clear error naming the URL, in bounded time.</summary>
public sealed class DaemonUnreachableTests
{
    [Fact]
    public async Task An_unused_tcp_port_gives_an_error_naming_the_url_and_the_usual_causes_at_once()
    {
        var url = $"tcp://127.0.0.1:{FreePort.Next()}";
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DockerDaemonUnreachableException>(() => DockerEngine.ConnectAsync(DockerConnectionOptions.For(url)));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.StartsWith($"Cannot reach the Docker daemon at {url} (from the explicit URL): ", error.Message);
        Assert.Contains("refused", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("dind sidecar", error.Message);
        Assert.Contains("WaitForDaemon", error.Message);
        Assert.Contains("DOCKER_TLS_VERIFY", error.Message);
    }

    [Fact]
    public async Task A_missing_socket_gives_an_error_naming_the_socket()
    {
        var socket = Path.Combine(Path.GetTempPath(), $"flows-no-daemon-{Guid.NewGuid():N}.sock");

        var error = await Assert.ThrowsAsync<DockerDaemonUnreachableException>(() => DockerEngine.ConnectAsync(DockerConnectionOptions.For("unix://" + socket)));

        Assert.StartsWith($"Cannot reach the Docker daemon at unix://{socket} (from the explicit URL): the socket {socket} does not exist.", error.Message);
        Assert.Contains("no Docker daemon is running", error.Message);
        Assert.Contains("scripts/setup-docker.sh", error.Message);
        Assert.Equal(TimeSpan.Zero, error.Waited);
    }

    [Fact]
    public async Task Waiting_for_a_daemon_that_never_comes_up_ends_after_the_bound()
    {
        var url = $"tcp://127.0.0.1:{FreePort.Next()}";
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DockerDaemonUnreachableException>(() =>
            DockerEngine.ConnectAsync(new DockerConnectionOptions { Url = url, WaitForDaemon = TimeSpan.FromSeconds(2) }));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(8));
        Assert.Contains($"at {url} (from the explicit URL) after waiting 2", error.Message);
        Assert.True(error.Waited >= TimeSpan.FromSeconds(2));
    }

    [DockerFact(Url = TestEngine.SocketUrl)]
    public async Task Waiting_for_a_sidecar_that_comes_up_late_connects_when_it_answers()
    {
        var port = FreePort.Next();
        var connecting = DockerEngine.ConnectAsync(new DockerConnectionOptions { Url = $"tcp://localhost:{port}", WaitForDaemon = TimeSpan.FromSeconds(30) });
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.False(connecting.IsCompleted, "the daemon was not up yet");

        await using var sidecar = LoopbackForwarder.Start(port);
        using var docker = await connecting.WaitAsync(TestEngine.HangGuard);
        var run = await docker.RunContainerAsync(TestEngine.Shell("echo via-the-late-sidecar")).WaitAsync(TestEngine.HangGuard);

        Assert.Equal("via-the-late-sidecar\n", run.Logs.Stdout);
    }

    [DockerFact(Url = TestEngine.SocketUrl)]
    public async Task A_daemon_that_goes_away_mid_run_gives_the_same_clear_error()
    {
        var sidecar = LoopbackForwarder.Start();
        var url = $"tcp://127.0.0.1:{sidecar.Port}";
        using var docker = await DockerEngine.ConnectAsync(DockerConnectionOptions.For(url));
        await sidecar.DisposeAsync();

        var error = await Assert.ThrowsAsync<DockerDaemonUnreachableException>(() => docker.CreateContainerAsync(TestEngine.Shell("true")).WaitAsync(TestEngine.HangGuard));

        Assert.StartsWith($"Cannot reach the Docker daemon at {url} (from the explicit URL): ", error.Message);
    }
}
