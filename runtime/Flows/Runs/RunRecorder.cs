using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Flows.Runs;

/// <summary>
/// Takes a run's store writes off the hot path: the run queues them on a channel, one task drains it and commits what has
/// gathered in one transaction. A store that fails does not fail the run: the recorder keeps going, and <see cref="CompleteAsync"/>
/// returns one warning line that says what could not be recorded.
/// </summary>
public sealed class RunRecorder
{
    private const int MaxBatch = 512;
    private readonly IRunStore _store;
    private readonly Channel<RunStoreWrite> _writes = Channel.CreateUnbounded<RunStoreWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _drain;
    private int _queued;
    private int _lost;
    private string? _firstFailure;

    public RunRecorder(IRunStore store)
    {
        _store = store;
        _drain = Task.Run(DrainAsync);
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
        _writes.Writer.TryComplete();
        await _drain.ConfigureAwait(false);
        return _lost == 0
            ? null
            : $"warning: the run store {_store.Description} did not record {_lost} of {_queued} changes of this run ({_firstFailure}); the run itself was not affected.";
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
                _lost += batch.Count;
                _firstFailure ??= failure.Message;
            }
            batch.Clear();
        }
    }
}
