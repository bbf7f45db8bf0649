using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace Flows.Kubernetes.Tests.ApiDouble;

/// <summary>
/// What the "kubelet" keeps of each container's output: lines with nanosecond timestamps from a fake clock
/// that advances 300 ms per line (so several lines share a second, as <c>sinceTime</c> resumes need), and
/// whether the container has ended (a followed log then finishes).
/// </summary>
internal sealed class ContainerLogs
{
    private static readonly long Start = DateTimeOffset.Parse("2030-01-01T00:00:00Z", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() * 1_000_000;
    private readonly object _gate = new();
    private readonly Dictionary<(string Namespace, string Pod, string Container), ContainerLog> _logs = new();
    private long _clock = Start;

    /// <summary>Appends lines; with <paramref name="sameTimestamp"/>, all of them get one timestamp.</summary>
    public void Append(string ns, string pod, string container, IEnumerable<string> lines, bool sameTimestamp = false)
    {
        lock (_gate)
        {
            var log = Get(ns, pod, container);
            var timestamp = 0L;
            var first = true;
            foreach (var line in lines)
            {
                if (!sameTimestamp || first)
                {
                    _clock += 300_000_123;
                    timestamp = _clock;
                }
                first = false;
                log.Lines.Add(new LogLine(timestamp, line));
            }
            log.Signal();
        }
    }

    public void End(string ns, string pod, string container)
    {
        lock (_gate)
        {
            var log = Get(ns, pod, container);
            log.Ended = true;
            log.Signal();
        }
    }

    /// <summary>The kubelet removed the container (its pod is being deleted): its log cannot be read any more.</summary>
    public void Remove(string ns, string pod, string container)
    {
        lock (_gate)
        {
            var log = Get(ns, pod, container);
            log.Ended = true;
            log.Removed = true;
            log.Signal();
        }
    }

    public bool IsRemoved(string ns, string pod, string container)
    {
        lock (_gate)
        {
            return Get(ns, pod, container).Removed;
        }
    }

    /// <summary>The lines from index <paramref name="from"/> on, whether the container has ended, and a task that completes at the next change.</summary>
    public (IReadOnlyList<LogLine> Lines, bool Ended, Task Changed) Read(string ns, string pod, string container, int from)
    {
        lock (_gate)
        {
            var log = Get(ns, pod, container);
            return (log.Lines.Skip(from).ToList(), log.Ended, log.Changed.Task);
        }
    }

    private ContainerLog Get(string ns, string pod, string container)
    {
        if (!_logs.TryGetValue((ns, pod, container), out var log))
        {
            log = new ContainerLog();
            _logs[(ns, pod, container)] = log;
        }
        return log;
    }

    internal sealed record LogLine(long UnixNanoseconds, string Text)
    {
        /// <summary>RFC 3339 with nanoseconds, trailing zeros trimmed, as Go's RFC3339Nano (and so the kubelet) writes it.</summary>
        public string Timestamp
        {
            get
            {
                var seconds = UnixNanoseconds / 1_000_000_000;
                var nanos = UnixNanoseconds % 1_000_000_000;
                var text = DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
                var fraction = nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
                return text + (fraction.Length == 0 ? "" : "." + fraction) + "Z";
            }
        }

        public long UnixSeconds => UnixNanoseconds / 1_000_000_000;
    }

    private sealed class ContainerLog
    {
        public List<LogLine> Lines { get; } = new();

        public bool Ended { get; set; }

        public bool Removed { get; set; }

        public TaskCompletionSource Changed { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Signal()
        {
            var changed = Changed;
            Changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult();
        }
    }
}
