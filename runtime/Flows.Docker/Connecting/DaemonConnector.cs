using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Microsoft.Extensions.Logging;

namespace Flows.Docker;

/// <summary>Builds a Docker.DotNet client for an endpoint and proves the daemon answers, waiting a bounded time if asked.</summary>
internal static class DaemonConnector
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(500);

    public static DockerClient CreateClient(DockerEndpoint endpoint)
    {
        var builder = new DockerClientBuilder().WithEndpoint(endpoint.Url);
        if (endpoint.Tls is { } tls)
        {
            builder = builder.WithAuthProvider(tls.CreateCredentials());
        }
        return builder.Build();
    }

    public static async Task<DockerClient> ConnectAsync(DockerEndpoint endpoint, DockerConnectionOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var client = CreateClient(endpoint);
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
