using System;
using System.Collections.Generic;
using System.Diagnostics;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;

namespace Flows.Docker;

/// <summary>
/// Turns the daemon's pull messages into log lines: state changes at Information ("Pulling from ...",
/// "Pull complete", "Status: ..."), byte counts at Debug and at most once a second per layer; keeps the
/// first error the stream reports, since a failed pull can still answer 200.
/// </summary>
internal sealed class PullProgressLogger(ILogger logger, string image) : IProgress<JSONMessage>
{
    private static readonly TimeSpan ByteCountInterval = TimeSpan.FromSeconds(1);
    private readonly Dictionary<string, long> _lastByteCountAt = new(StringComparer.Ordinal);

    public string? Error { get; private set; }

    public void Report(JSONMessage value)
    {
        if (value.Error?.Message is { Length: > 0 } error)
        {
            Error ??= error;
            return;
        }
        if (string.IsNullOrEmpty(value.Status))
        {
            return;
        }
        var layer = value.ID ?? "";
        if (value.Progress is { Total: > 0 } progress)
        {
            var now = Stopwatch.GetTimestamp();
            if (_lastByteCountAt.TryGetValue(layer, out var last) && Stopwatch.GetElapsedTime(last, now) < ByteCountInterval)
            {
                return;
            }
            _lastByteCountAt[layer] = now;
            logger.LogDebug("Pull {Image}: {Layer} {Status} {Current}/{Total} bytes", image, layer, value.Status, progress.Current, progress.Total);
            return;
        }
        if (layer.Length > 0)
        {
            logger.LogInformation("Pull {Image}: {Layer} {Status}", image, layer, value.Status);
        }
        else
        {
            logger.LogInformation("Pull {Image}: {Status}", image, value.Status);
        }
    }
}
