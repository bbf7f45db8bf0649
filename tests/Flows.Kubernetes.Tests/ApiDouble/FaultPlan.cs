using System;
using System.Collections.Generic;

namespace Flows.Kubernetes.Tests.ApiDouble;

/// <summary>One-shot faults the double applies to the next matching request.</summary>
internal sealed class FaultPlan
{
    private readonly object _gate = new();
    private readonly List<(Func<RecordedRequest, bool> Match, int Status, int? RetryAfterSeconds)> _failures = new();
    private readonly List<Func<RecordedRequest, bool>> _lostAnswers = new();
    private readonly Dictionary<string, WatchFault> _watchFaults = new();
    private LogStreamFault? _logFault;

    /// <summary>The next matching request is answered with <paramref name="status"/> (and a Retry-After header) without being handled.</summary>
    public void FailNext(Func<RecordedRequest, bool> match, int status, int? retryAfterSeconds = null)
    {
        lock (_gate)
        {
            _failures.Add((match, status, retryAfterSeconds));
        }
    }

    /// <summary>The next matching request is handled, but answered with 500: the client does not know it worked.</summary>
    public void LoseNextAnswer(Func<RecordedRequest, bool> match)
    {
        lock (_gate)
        {
            _lostAnswers.Add(match);
        }
    }

    /// <summary>The next watch of <paramref name="resource"/> ("jobs", "pods") misbehaves after sending <paramref name="afterEvents"/> events.</summary>
    public void OnNextWatch(string resource, WatchFaultKind kind, int afterEvents = 0)
    {
        lock (_gate)
        {
            _watchFaults[resource] = new WatchFault(kind, afterEvents);
        }
    }

    /// <summary>The next log request misbehaves after sending <paramref name="afterLines"/> lines.</summary>
    public void OnNextLogStream(LogStreamFaultKind kind, int afterLines)
    {
        lock (_gate)
        {
            _logFault = new LogStreamFault(kind, afterLines);
        }
    }

    public (int Status, int? RetryAfterSeconds)? TakeFailure(RecordedRequest request)
    {
        lock (_gate)
        {
            var index = _failures.FindIndex(f => f.Match(request));
            if (index < 0)
            {
                return null;
            }
            var failure = _failures[index];
            _failures.RemoveAt(index);
            return (failure.Status, failure.RetryAfterSeconds);
        }
    }

    public bool TakeLostAnswer(RecordedRequest request)
    {
        lock (_gate)
        {
            var index = _lostAnswers.FindIndex(m => m(request));
            if (index >= 0)
            {
                _lostAnswers.RemoveAt(index);
            }
            return index >= 0;
        }
    }

    public WatchFault? TakeWatchFault(string resource)
    {
        lock (_gate)
        {
            return _watchFaults.Remove(resource, out var fault) ? fault : null;
        }
    }

    public LogStreamFault? TakeLogFault()
    {
        lock (_gate)
        {
            var fault = _logFault;
            _logFault = null;
            return fault;
        }
    }
}

internal enum WatchFaultKind
{
    /// <summary>Half an event, then the connection is reset.</summary>
    CutMidStream,
    /// <summary>The stream ends cleanly, as when a proxy closes an idle connection.</summary>
    CloseQuietly,
    /// <summary>Nothing more is sent, and the connection stays open.</summary>
    GoSilent,
    /// <summary>The history is compacted and the watch answers an ERROR event with Status 410 (Expired).</summary>
    Expire,
}

internal sealed record WatchFault(WatchFaultKind Kind, int AfterEvents);

internal enum LogStreamFaultKind
{
    /// <summary>The stream ends cleanly while the container still runs.</summary>
    CloseQuietly,
    /// <summary>The connection is reset mid-line.</summary>
    CutMidLine,
}

internal sealed record LogStreamFault(LogStreamFaultKind Kind, int AfterLines);
