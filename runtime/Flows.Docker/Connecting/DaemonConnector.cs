using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Handler.Abstractions;
using Microsoft.Extensions.Logging;

namespace Flows.Docker;

/// <summary>Builds a Docker.DotNet client for an endpoint and proves the daemon answers, waiting a bounded time if asked.</summary>
internal static class DaemonConnector
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Docker.DotNet's own limit on a whole request (its default): the longer one when <see cref="DockerConnectionOptions.RequestTimeout"/> is longer.</summary>
    private static readonly TimeSpan WholeRequestLimit = TimeSpan.FromSeconds(100);

    /// <param name="requestTimeout">How long a request may wait for the engine's answer to begin (<see cref="DockerConnectionOptions.RequestTimeout"/>).</param>
    public static DockerClient CreateClient(DockerEndpoint endpoint, TimeSpan? requestTimeout = null)
    {
        var limit = requestTimeout ?? DockerConnectionOptions.DefaultRequestTimeout;
        if (limit <= TimeSpan.Zero && limit != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(requestTimeout), limit,
                "DockerConnectionOptions.RequestTimeout must be positive (the default is 30 s), or Timeout.InfiniteTimeSpan for no limit.");
        }
        IAuthProvider credentials = endpoint.Tls is { } tls ? tls.CreateCredentials() : NoopAuthProvider.Instance;
        var builder = new DockerClientBuilder()
            .WithEndpoint(endpoint.Url)
            .WithAuthProvider(new RequestLimitAuthProvider(credentials, endpoint, limit));
        if (limit == Timeout.InfiniteTimeSpan || limit > WholeRequestLimit)
        {
            builder = builder.WithTimeout(limit);
        }
        return builder.Build();
    }

    public static async Task<DockerClient> ConnectAsync(DockerEndpoint endpoint, DockerConnectionOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var client = CreateClient(endpoint, options.RequestTimeout);
        try
        {
            await PingUntilAnsweredAsync(client, endpoint, options, logger, cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task PingUntilAnsweredAsync(DockerClient client, DockerEndpoint endpoint, DockerConnectionOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            Exception failure;
            using (var attemptLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attemptLimit.CancelAfter(options.ConnectTimeout);
                try
                {
                    await client.System.PingAsync(attemptLimit.Token).ConfigureAwait(false);
                    if (attempt > 1)
                    {
                        logger.LogInformation("The Docker daemon at {DockerUrl} answered after {Seconds:0.#} s", endpoint.ToString(), Stopwatch.GetElapsedTime(started).TotalSeconds);
                    }
                    return;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"no answer within {options.ConnectTimeout.TotalSeconds:0.#} s"));
                }
                catch (Exception transport) when (TransportFailure.Is(transport))
                {
                    failure = transport;
                }
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            var remaining = options.WaitForDaemon - elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                throw new DockerDaemonUnreachableException(endpoint, options.WaitForDaemon > TimeSpan.Zero ? elapsed : TimeSpan.Zero, failure);
            }
            if (attempt == 1)
            {
                logger.LogInformation("Waiting up to {Seconds:0.#} s for the Docker daemon at {DockerUrl}: {Reason}", options.WaitForDaemon.TotalSeconds, endpoint.ToString(), TransportFailure.Reason(failure));
            }
            await Task.Delay(remaining < RetryInterval ? remaining : RetryInterval, cancellationToken).ConfigureAwait(false);
        }
    }
}
