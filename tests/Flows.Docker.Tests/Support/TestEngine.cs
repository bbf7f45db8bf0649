using System;
using System.Threading.Tasks;
using Flows.Docker;

namespace Flows.Docker.Tests.Support;

/// <summary>What scripts/setup-docker.sh provides, and a connection to it.</summary>
internal static class TestEngine
{
    public const string RegistryRepository = "localhost:5000/busybox";
    public const string RegistryTag = "1";
    public const string Image = RegistryRepository + ":" + RegistryTag;
    public const string TcpUrl = "tcp://127.0.0.1:2375";
    public const string SocketPath = "/var/run/docker.sock";

    /// <summary>The socket that <see cref="LoopbackForwarder"/> forwards to.</summary>
    public const string SocketUrl = "unix://" + SocketPath;

    /// <summary>Bounds every wait in these tests, so that a hang fails instead of blocking the suite.</summary>
    public static TimeSpan HangGuard { get; } = TimeSpan.FromSeconds(60);

    public static Task<DockerEngine> ConnectAsync(string? url = null) =>
        DockerEngine.ConnectAsync(new DockerConnectionOptions { Url = url });

    public static ContainerSpec Shell(string script) => ContainerSpec.Shell(Image, script) with { NetworkMode = "none" };

    public static string NewRunId() => "test-" + Guid.NewGuid().ToString("N")[..16];
}
