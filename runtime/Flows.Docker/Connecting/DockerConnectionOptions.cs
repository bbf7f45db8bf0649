using System;
using Microsoft.Extensions.Logging;

namespace Flows.Docker;

/// <summary>How to reach the Docker daemon.</summary>
public sealed record DockerConnectionOptions
{
    /// <summary>
    /// <c>unix:///var/run/docker.sock</c> or <c>tcp://host:port</c> (<c>tcp://localhost:2375</c> for the dind
    /// sidecar of the seed 000 job). Null or empty: <c>DOCKER_HOST</c>, else the local socket.
    /// </summary>
    public string? Url { get; init; }

    /// <summary>An endpoint resolved in code (<see cref="DockerEndpoint.Resolve(string?, System.Func{string, string?})"/>), for TLS settings that do not come from this process's environment; wins over <see cref="Url"/>.</summary>
    public DockerEndpoint? Endpoint { get; init; }

    /// <summary>
    /// How long to keep trying when the daemon does not answer yet, as a dind sidecar does for a few seconds
    /// after its pod starts. Zero (the default): one try, and a clear error at once.
    /// </summary>
    public TimeSpan WaitForDaemon { get; init; } = TimeSpan.Zero;

    /// <summary>The limit on each try to reach the daemon.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long each request may wait for the engine's answer to begin (its response headers), e.g. for 'create container';
    /// past it the request fails with <see cref="DockerRequestTimeoutException"/>. A streamed answer (a followed log, an image
    /// pull, the wait for a container to stop) is limited only until it begins. A stop's grace period comes on top.
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>: no limit.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = DefaultRequestTimeout;

    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Where progress goes when not connecting for a task (a task's own logger is used otherwise).</summary>
    public ILogger? Logger { get; init; }

    public static DockerConnectionOptions For(string? url) => new() { Url = url };
}
