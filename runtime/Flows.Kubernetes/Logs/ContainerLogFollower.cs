using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Kubernetes;

/// <summary>
/// Streams one container's log to a writer, without gaps or repeats across reconnections. Each request
/// asks for <c>timestamps=true</c>; a stream that breaks off, times out or is closed while the container
/// still runs is resumed with <c>sinceTime</c> (the second of the last line printed) and the repeated
/// lines are dropped by <see cref="LogLineDeduplicator"/>. Once the container has ended, the log is read
/// once more without following until a read brings no new line, so a stream cut just before the end
/// loses nothing either.
/// </summary>
internal sealed class ContainerLogFollower
{
    private const int MaxDrainReads = 5;

    private readonly KubernetesApi _api;
    private readonly string _namespace;
    private readonly string _pod;
    private readonly string _container;
    private readonly ContainerProgress _progress;
    private readonly TextWriter _output;
    private readonly TextWriter _notes;
    private readonly KubernetesCommandSettings _settings;
    private readonly LogLineDeduplicator _lines = new();
    private readonly string? _flowName;

    public ContainerLogFollower(KubernetesApi api, string @namespace, string pod, string container, ContainerProgress progress,
        TextWriter output, TextWriter notes, KubernetesCommandSettings settings, string? flowName = null)
    {
        _flowName = flowName;
        _api = api;
        _namespace = @namespace;
        _pod = pod;
        _container = container;
        _progress = progress;
        _output = output;
        _notes = notes;
        _settings = settings;
    }

    /// <summary>What the kubelet answers, with status 200, for the log of a container it has removed.</summary>
    internal const string ContainerRemovedMessage = "unable to retrieve container logs for ";

    private bool _containerRemoved;

    public int LinesWritten { get; private set; }

    /// <summary>The 403 that stopped the follower: retrying cannot help, and the log is not there to read.</summary>
    public KubernetesApiException? Forbidden { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var drainReads = 0;
        var failures = 0;
        while (true)
        {
            var endedBefore = _progress.HasEnded;
            var (complete, newLines, error, healthy) = await ReadOnceAsync(follow: !endedBefore, cancellationToken).ConfigureAwait(false);
            if (error is KubernetesApiException { StatusCode: 404 } || _containerRemoved)
            {
                return;
            }
            if (error is KubernetesApiException { StatusCode: 403 } forbidden)
            {
                Forbidden = forbidden;
                _notes.WriteLine($"error: could not read the log of {_pod}/{_container}: {ForbiddenAccess.Line(forbidden, "get", "pods/log", _namespace, _flowName)}");
                return;
            }
            if (error is KubernetesApiException { StatusCode: 400 } notReady)
            {
                // "container ... is waiting to start": no log yet (or never, e.g. a bad image).
                if (endedBefore)
                {
                    return;
                }
                await WaitAsync(_settings.LogRetryDelay, cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (error is not null)
            {
                // A stream that brought lines or lived a while worked: the count of failures in a row starts again.
                failures = healthy ? 1 : failures + 1;
                if (failures > _settings.WatchMaxConsecutiveFailures)
                {
                    _notes.WriteLine($"note: gave up reading the log of {_pod}/{_container}: {KubernetesApi.Describe(error)}");
                    return;
                }
                if (!_progress.HasEnded)
                {
                    _notes.WriteLine($"note: the log stream of {_pod}/{_container} broke off ({KubernetesApi.Describe(error)}); resuming from {_lines.SinceTime ?? "the start"}.");
                }
                await Task.Delay(_settings.Retry.Backoff(failures), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                failures = 0;
            }
            if (endedBefore)
            {
                if (complete && newLines == 0)
                {
                    return;
                }
                if (++drainReads >= MaxDrainReads)
                {
                    return;
                }
            }
            else if (complete && newLines == 0)
            {
                // The stream ended at once with nothing new: the container is ending or restarting. Do not spin.
                await WaitAsync(_settings.LogRetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<(bool Complete, int NewLines, Exception? Error, bool Healthy)> ReadOnceAsync(bool follow, CancellationToken cancellationToken)
    {
        var path = new StringBuilder(ApiPaths.PodLog(_namespace, _pod))
            .Append("?container=").Append(ApiPaths.Escape(_container))
            .Append("&timestamps=true");
        if (follow)
        {
            path.Append("&follow=true");
        }
        if (_lines.SinceTime is { } since)
        {
            path.Append("&sinceTime=").Append(ApiPaths.Escape(since));
        }
        _lines.BeginStream();
        var newLines = 0;
        using var streamLifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var lastRead = new LastReadClock();
        var watchdog = CloseWhenIdleAfterEndAsync(streamLifetime, lastRead);
        Stopwatch? connected = null;
        bool Healthy() => newLines > 0 || connected?.Elapsed >= TimeSpan.FromSeconds(10);
        try
        {
            await using var stream = await _api.OpenStreamAsync(path.ToString(), streamLifetime.Token).ConfigureAwait(false);
            connected = Stopwatch.StartNew();
            // Bounded lines: a container printing one endless line must not cost the follower its size in memory.
            var reader = new LogLineReader(stream.Body, timestamped: true);
            while (await reader.ReadLineAsync(streamLifetime.Token).ConfigureAwait(false) is { } line)
            {
                lastRead.Touch();
                if (line.StartsWith(ContainerRemovedMessage, StringComparison.Ordinal))
                {
                    // The kubelet's answer (200, no timestamp) once the container is removed, e.g. its pod deleted: not a log line.
                    _containerRemoved = true;
                    _notes.WriteLine($"note: the log of {_pod}/{_container} is no longer available: the container was removed.");
                    break;
                }
                if (_lines.Accept(line, out var content))
                {
                    _output.WriteLine(content);
                    newLines++;
                    LinesWritten++;
                }
            }
            return (true, newLines, null, true);
        }
        catch (KubernetesApiException refused)
        {
            return (false, newLines, refused, Healthy());
        }
        catch (Exception broken) when (KubernetesApi.IsConnectionError(broken, cancellationToken))
        {
            return (false, newLines, broken, Healthy());
        }
        finally
        {
            await streamLifetime.CancelAsync().ConfigureAwait(false);
            await watchdog.ConfigureAwait(false);
        }
    }

    /// <summary>After the container has ended, a stream that stays silent for <see cref="KubernetesCommandSettings.LogDrainIdle"/> is closed.</summary>
    private async Task CloseWhenIdleAfterEndAsync(CancellationTokenSource stream, LastReadClock lastRead)
    {
        try
        {
            await _progress.Ended.WaitAsync(stream.Token).ConfigureAwait(false);
            while (true)
            {
                var idle = lastRead.Elapsed;
                if (idle >= _settings.LogDrainIdle)
                {
                    await stream.CancelAsync().ConfigureAwait(false);
                    return;
                }
                await Task.Delay(_settings.LogDrainIdle - idle, stream.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(_progress.Ended, Task.Delay(delay, wait.Token)).ConfigureAwait(false);
        await wait.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private sealed class LastReadClock
    {
        private long _timestamp = Stopwatch.GetTimestamp();

        public TimeSpan Elapsed => Stopwatch.GetElapsedTime(Interlocked.Read(ref _timestamp));

        public void Touch() => Interlocked.Exchange(ref _timestamp, Stopwatch.GetTimestamp());
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{_pod}/{_container}: {LinesWritten} lines");
}
