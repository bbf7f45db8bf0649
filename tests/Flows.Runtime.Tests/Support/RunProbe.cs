using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Runtime.Tests.Support;

/// <summary>
/// Per-run test state that static task methods reach through their flow run id, so that tests using
/// the same fixture flow can run in parallel: an event log, named signals and a concurrency counter.
/// </summary>
internal sealed class RunProbe : IDisposable
{
    /// <summary>How long a test waits for something that should happen promptly before it gives up (a hang guard, not a speed check).</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(15);

    private static readonly ConcurrentDictionary<string, RunProbe> ByRunId = new(StringComparer.Ordinal);

    private readonly object _gate = new();
    private readonly List<string> _events = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new(StringComparer.Ordinal);
    private int _running;
    private int _maxRunning;

    private RunProbe() => RunId = "test-" + Guid.NewGuid().ToString("N");

    public string RunId { get; }

    /// <summary>Completes when released by the test; tasks that ignore their token wait on it.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int MaxConcurrentlyRunning => Volatile.Read(ref _maxRunning);

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_gate)
            {
                return _events.ToArray();
            }
        }
    }

    public static RunProbe Start()
    {
        var probe = new RunProbe();
        ByRunId[probe.RunId] = probe;
        return probe;
    }

    public static RunProbe Of(TaskRunContext context) =>
        ByRunId.TryGetValue(context.FlowRunId, out var probe)
            ? probe
            : throw new InvalidOperationException($"No probe for flow run '{context.FlowRunId}': start the run with probe.RunId.");

    public void Record(string entry)
    {
        lock (_gate)
        {
            _events.Add(entry);
        }
    }

    public void Signal(string name) => SignalSource(name).TrySetResult();

    public Task WhenSignalled(string name) => SignalSource(name).Task.WaitAsync(HangGuard);

    /// <summary>Counts this task as running until the returned handle is disposed, keeping the highest count seen.</summary>
    public IDisposable EnterRunning()
    {
        var now = Interlocked.Increment(ref _running);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxRunning)) && Interlocked.CompareExchange(ref _maxRunning, now, seen) != seen)
        {
        }
        return new Exit(this);
    }

    public void Dispose()
    {
        Release.TrySetResult();
        ByRunId.TryRemove(RunId, out _);
    }

    private TaskCompletionSource SignalSource(string name) =>
        _signals.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private sealed class Exit(RunProbe probe) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref probe._running);
            }
        }
    }
}
