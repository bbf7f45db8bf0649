using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Kubernetes;

/// <summary>
/// List, then watch from the list's resourceVersion, for as long as the caller wants, surviving what
/// happens to long-lived connections: a connection cut mid-stream or a response that breaks off
/// (resume from the last resourceVersion seen), a watch the server or a proxy ends quietly (resume
/// likewise), a watch that goes silent (after <see cref="KubernetesCommandSettings.WatchIdleTimeout"/>,
/// resume likewise), and 410 Gone, as an HTTP status or an ERROR event (the resourceVersion is too old:
/// list again and watch from the new one).
/// </summary>
internal sealed class ResourceWatcher
{
    private readonly KubernetesApi _api;
    private readonly string _collectionPath;
    private readonly string _labelSelector;
    private readonly string? _fieldSelector;
    private readonly string _what;
    private readonly KubernetesCommandSettings _settings;
    private readonly TextWriter _notes;

    /// <summary>A connection that lived this long worked: when it breaks, the count of failures in a row starts again.</summary>
    private static readonly TimeSpan HealthyConnection = TimeSpan.FromSeconds(10);

    /// <summary>The resourceVersion of the last list or event seen: where a broken watch resumes; null to list again.</summary>
    private string? _resourceVersion;

    /// <summary>When the current watch connection opened, and how many events it delivered.</summary>
    private Stopwatch? _connected;
    private int _eventsOnConnection;

    /// <param name="fieldSelector">Narrows the list and the watch further, e.g. <c>metadata.name=NAME</c> for one object.</param>
    public ResourceWatcher(KubernetesApi api, string collectionPath, string labelSelector, string what, KubernetesCommandSettings settings, TextWriter notes,
        string? fieldSelector = null)
    {
        _fieldSelector = fieldSelector;
        _api = api;
        _collectionPath = collectionPath;
        _labelSelector = labelSelector;
        _what = what;
        _settings = settings;
        _notes = notes;
    }

    /// <summary>
    /// Runs the watch as a monitor's source of signals: each update is written to <paramref name="signals"/> as
    /// <paramref name="toSignal"/> makes it; a cancellation ends it quietly; a watch lost for good is written as
    /// <paramref name="failed"/> makes it.
    /// </summary>
    public async Task RunIntoAsync<TSignal>(System.Threading.Channels.ChannelWriter<TSignal> signals, Func<WatchUpdate, TSignal> toSignal,
        Func<Exception, TSignal> failed, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await RunAsync(update => signals.WriteAsync(toSignal(update), cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            signals.TryWrite(failed(error));
        }
    }

    /// <summary>Runs until cancelled; throws when the API stays unreachable for <see cref="KubernetesCommandSettings.WatchMaxConsecutiveFailures"/> attempts.</summary>
    public async Task RunAsync(Func<WatchUpdate, ValueTask> onUpdate, CancellationToken cancellationToken)
    {
        _resourceVersion = null;
        var failures = 0;
        var quietCloses = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (_resourceVersion is null)
                {
                    var list = await _api.GetAsync(Selected(_collectionPath), cancellationToken).ConfigureAwait(false);
                    var listVersion = JsonFields.ResourceVersion(list)
                        ?? throw new InvalidDataException($"the list of {_what} has no metadata.resourceVersion.");
                    await onUpdate(new WatchRelisted(JsonFields.Objects(list, "items").ToList())).ConfigureAwait(false);
                    _resourceVersion = listVersion;
                }
                var started = Stopwatch.StartNew();
                var events = await WatchOnceAsync(_resourceVersion, onUpdate, cancellationToken).ConfigureAwait(false);
                failures = 0;
                // The watch ended cleanly (its timeout, or a proxy closing an idle connection): resume from
                // where it was. Pause only if the server keeps closing watches at once without sending anything.
                quietCloses = events == 0 && started.Elapsed < TimeSpan.FromSeconds(1) ? quietCloses + 1 : 0;
                if (quietCloses > 1)
                {
                    await Task.Delay(_settings.Retry.Backoff(quietCloses - 1), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (KubernetesApiException gone) when (gone.StatusCode == 410)
            {
                _notes.WriteLine($"note: the watch of {_what} expired (410 Gone: {gone.Message}); listing them again.");
                _resourceVersion = null;
            }
            catch (Exception broken) when (IsResumable(broken, cancellationToken))
            {
                failures = _eventsOnConnection > 0 || _connected?.Elapsed >= HealthyConnection ? 1 : failures + 1;
                _connected = null;
                if (failures > _settings.WatchMaxConsecutiveFailures)
                {
                    throw new IOException($"the watch of {_what} failed {failures} times in a row; last: {KubernetesApi.Describe(broken)}", broken);
                }
                var delay = _settings.Retry.Backoff(failures);
                _notes.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"note: the watch of {_what} broke off ({KubernetesApi.Describe(broken)}); resuming from resourceVersion {_resourceVersion ?? "(a new list)"} in {delay.TotalSeconds:0.##} s."));
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One watch request from <paramref name="resourceVersion"/>; returns how many events it delivered when it ends cleanly.</summary>
    private async Task<int> WatchOnceAsync(string resourceVersion, Func<WatchUpdate, ValueTask> onUpdate, CancellationToken cancellationToken)
    {
        var path = Selected(
            string.Create(CultureInfo.InvariantCulture,
                $"{_collectionPath}?watch=true&allowWatchBookmarks=true&resourceVersion={ApiPaths.Escape(resourceVersion)}&timeoutSeconds={(int)Math.Max(1, _settings.WatchTimeout.TotalSeconds)}"));
        _connected = null;
        _eventsOnConnection = 0;
        await using var stream = await _api.OpenStreamAsync(path, cancellationToken).ConfigureAwait(false);
        _connected = Stopwatch.StartNew();
        using var reader = new StreamReader(stream.Body, Encoding.UTF8);
        var events = 0;
        while (true)
        {
            string? line;
            using (var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                idle.CancelAfter(_settings.WatchIdleTimeout);
                try
                {
                    line = await reader.ReadLineAsync(idle.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                        $"nothing received for {_settings.WatchIdleTimeout.TotalSeconds:0.##} s"));
                }
            }
            if (line is null)
            {
                return events;
            }
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var watchEvent = JsonNode.Parse(line) as JsonObject ?? throw new InvalidDataException("a watch event that is not a JSON object.");
            var type = JsonFields.String(watchEvent, "type");
            var obj = JsonFields.Object(watchEvent, "object");
            switch (type)
            {
                case "ERROR":
                    throw KubernetesApiException.FromStatus(
                        (int)(JsonFields.Integer(obj, "code") ?? 500), JsonFields.String(obj, "reason"),
                        JsonFields.String(obj, "message") ?? "watch error", attempts: 1);
                case "BOOKMARK":
                    _resourceVersion = JsonFields.ResourceVersion(obj) ?? _resourceVersion;
                    break;
                case "ADDED" or "MODIFIED" or "DELETED" when obj is not null:
                    events++;
                    _eventsOnConnection++;
                    var eventType = type switch { "ADDED" => WatchEventType.Added, "MODIFIED" => WatchEventType.Modified, _ => WatchEventType.Deleted };
                    await onUpdate(new WatchEvent(eventType, obj)).ConfigureAwait(false);
                    _resourceVersion = JsonFields.ResourceVersion(obj) ?? _resourceVersion;
                    break;
                default:
                    throw new InvalidDataException($"an unknown watch event type '{type}'.");
            }
        }
    }

    private string Selected(string path)
    {
        path = _labelSelector.Length == 0 ? path : ApiPaths.WithLabelSelector(path, _labelSelector);
        return _fieldSelector is null ? path : ApiPaths.WithFieldSelector(path, _fieldSelector);
    }

    private static bool IsResumable(Exception error, CancellationToken cancellationToken) =>
        KubernetesApi.IsConnectionError(error, cancellationToken)
        || error is TimeoutException or JsonException or InvalidDataException
        // An ERROR event other than 410 (e.g. a 500 while the server restarts): resume like a cut connection.
        || error is KubernetesApiException { StatusCode: >= 500 or 429 };
}
