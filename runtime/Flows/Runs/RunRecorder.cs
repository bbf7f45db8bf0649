using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Flows.Runs;

/// <summary>
/// Takes a run's store writes off the hot path: the run queues them on a channel, one task drains it and commits what has
/// gathered in one transaction. A store that fails does not fail the run: the recorder keeps going, and <see cref="CompleteAsync"/>
/// returns one warning line that says what could not be recorded. While it records, it writes the run's heartbeat every interval
/// (<see cref="RunHeartbeat"/>), so that a run whose process dies is later seen as Crashed.
/// </summary>
public sealed class RunRecorder
{
    private const int MaxBatch = 512;
    private readonly IRunStore _store;
    private readonly Channel<RunStoreWrite> _writes = Channel.CreateUnbounded<RunStoreWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _drain;
    private readonly PeriodicTimer _heartbeatTimer;
    private readonly Task _heartbeat;
    private int _queued;
    private int _lost;
    private string? _firstFailure;

    /// <param name="runId">The run whose heartbeat this recorder writes.</param>
    /// <param name="heartbeatInterval">Time between heartbeats (the run's <see cref="FlowRunOptions.HeartbeatInterval"/>, else <see cref="RunHeartbeat.Interval"/>).</param>
    public RunRecorder(IRunStore store, string runId, TimeSpan heartbeatInterval)
    {
        _store = store;
        _drain = Task.Run(DrainAsync);
        _heartbeatTimer = new PeriodicTimer(heartbeatInterval);
        _heartbeat = Task.Run(() => BeatAsync(runId));
    }

    public void Write(RunStoreWrite write)
    {
        Interlocked.Increment(ref _queued);
        if (!_writes.Writer.TryWrite(write))
        {
            throw new InvalidOperationException("The run recorder is complete.");
        }
    }

    /// <summary>Waits for every queued write; returns null when all were recorded, else the warning line.</summary>
    public async Task<string?> CompleteAsync()
    {
        _heartbeatTimer.Dispose();
        await _heartbeat.ConfigureAwait(false);
        _writes.Writer.TryComplete();
        await _drain.ConfigureAwait(false);
        return _lost == 0
            ? null
            : $"warning: the run store {_store.Description} did not record {_lost} of {_queued} changes of this run ({_firstFailure}); the run itself was not affected.";
    }

    // A heartbeat is not one of the run's changes: one that is lost is only a later one missing, and the warning does not count it.
    private async Task BeatAsync(string runId)
    {
        while (await _heartbeatTimer.WaitForNextTickAsync().ConfigureAwait(false))
        {
            _writes.Writer.TryWrite(new RunStoreWrite.Heartbeat(runId, DateTimeOffset.UtcNow));
        }
    }

    private async Task DrainAsync()
    {
        var batch = new List<RunStoreWrite>(MaxBatch);
        while (await _writes.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }
            try
            {
                await _store.WriteAsync(batch).ConfigureAwait(false);
            }
            catch (Exception failure)
            {
                _lost += batch.Count(w => w is not RunStoreWrite.Heartbeat);
                _firstFailure ??= failure.Message;
            }
            batch.Clear();
        }
    }
}
