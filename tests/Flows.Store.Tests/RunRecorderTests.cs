using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Flows.Runs;
using Flows.Store.Tests.Fixtures;

namespace Flows.Store.Tests;

/// <summary>A store that fails mid-run does not fail the flow: the run goes on, and one warning line says what was not recorded.</summary>
public sealed class RunRecorderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("flows-recorder-").FullName;

    /// <summary>Passes writes to a real store until <see cref="Broken"/> is set, then fails each batch.</summary>
    private sealed class BreakingStore(IRunStore inner) : IRunStore
    {
        public volatile bool Broken;
        public int FailedBatches;
        public readonly TaskCompletionSource HeartbeatTried = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Description => inner.Description;
        public Task OpenAsync(CancellationToken cancellationToken = default) => inner.OpenAsync(cancellationToken);

        public Task WriteAsync(IReadOnlyList<RunStoreWrite> writes, CancellationToken cancellationToken = default)
        {
            if (writes.Any(w => w is RunStoreWrite.Heartbeat))
            {
                HeartbeatTried.TrySetResult();
            }
            if (Broken)
            {
                Interlocked.Increment(ref FailedBatches);
                throw new RunStoreException($"The run store {Description} failed: disk I/O error");
            }
            return inner.WriteAsync(writes, cancellationToken);
        }

        public Task<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default) => inner.ListRunsAsync(query, cancellationToken);
        public Task<StoredRun?> GetRunAsync(string runId, CancellationToken cancellationToken = default) => inner.GetRunAsync(runId, cancellationToken);
        public Task<int> PruneAsync(DateTimeOffset startedBefore, CancellationToken cancellationToken = default) => inner.PruneAsync(startedBefore, cancellationToken);
        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    [Fact]
    public async Task A_store_that_breaks_mid_run_leaves_the_run_as_it_would_be_and_one_warning()
    {
        await using var store = new BreakingStore(new SqliteRunStore(Path.Combine(_folder, "flows.db")));
        var options = new FlowRunOptions
        {
            FlowRunId = "breaks-1",
            Parameters = FlowParameterValues.From(("who", "bo"), ("recordedToken", "t")),
            Store = store,
            // The store breaks when the first task has started: its start may be recorded, nothing after its end is.
            OnTaskStateChanged = change =>
            {
                if (change.TaskName == "Flaky" && change.State == TaskRunState.Running)
                {
                    store.Broken = true;
                }
            },
        };

        var result = await FlowRunner.RunAsync(RecordedFlow.Definition, options);
        var unrecorded = await FlowRunner.RunAsync(RecordedFlow.Definition, new FlowRunOptions { Parameters = options.Parameters });

        Assert.Equal(unrecorded.State, result.State);
        Assert.Equal(unrecorded.Tasks.Count, result.Tasks.Count);
        Assert.True(store.FailedBatches > 0);
        Assert.NotNull(result.StoreWarning);
        Assert.Matches(@"^warning: the run store .*flows\.db did not record \d+ of \d+ changes of this run \(The run store .* failed: disk I/O error\); the run itself was not affected\.$",
            result.StoreWarning);
        store.Broken = false;
        var stored = await store.GetRunAsync("breaks-1");
        Assert.Equal(RunRecordState.Running, stored!.Run.State);
    }

    [Fact]
    public async Task A_store_that_cannot_be_opened_records_nothing_and_the_run_still_succeeds_or_fails_as_before()
    {
        var blocker = Path.Combine(_folder, "file");
        await File.WriteAllTextAsync(blocker, "");
        await using var store = new SqliteRunStore(Path.Combine(blocker, "flows.db"));

        var result = await FlowRunner.RunAsync(RecordedFlow.Definition, new FlowRunOptions
        {
            Parameters = FlowParameterValues.From(("who", "cy"), ("recordedToken", "t")),
            Store = store,
        });

        Assert.Equal(FlowRunState.Failed, result.State);
        Assert.Equal("Success", result["Greet"].State.ToString());
        Assert.StartsWith("warning: the run store ", result.StoreWarning);
        Assert.Contains("cannot be written", result.StoreWarning);
    }

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task While_it_records_the_recorder_writes_the_run_heartbeat()
    {
        await using var store = new BreakingStore(new SqliteRunStore(Path.Combine(_folder, "flows.db")));
        // Whole seconds: the store keeps milliseconds.
        var aSecondAgo = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1);
        var created = new RunRecord("beats-1", "f", "{}", RunLocation.InProcess, aSecondAgo, null, RunRecordState.Running, Heartbeat: aSecondAgo);
        var recorder = new RunRecorder(store, created.RunId, TimeSpan.FromMilliseconds(20));
        recorder.Write(new RunStoreWrite.CreateRun(created));

        // Until the stored heartbeat moves (a heartbeat that came before the run was created changed nothing).
        var deadline = DateTimeOffset.UtcNow + Patience;
        RunRecord? stored;
        do
        {
            await Task.Delay(10);
            stored = (await store.GetRunAsync(created.RunId))?.Run;
        }
        while ((stored is null || stored.Heartbeat == created.Heartbeat) && DateTimeOffset.UtcNow < deadline);
        Assert.Null(await recorder.CompleteAsync());

        Assert.NotNull(stored);
        Assert.True(stored.Heartbeat > created.Heartbeat, $"heartbeat {stored.Heartbeat:O} not after {created.Heartbeat:O} within {Patience}");
        Assert.Equal(RunRecordState.Running, stored.State);
    }

    [Fact]
    public async Task A_heartbeat_the_store_does_not_take_is_not_counted_as_a_lost_change()
    {
        await using var store = new BreakingStore(new SqliteRunStore(Path.Combine(_folder, "flows.db"))) { Broken = true };
        var recorder = new RunRecorder(store, "beats-2", TimeSpan.FromMilliseconds(20));
        recorder.Write(new RunStoreWrite.CreateRun(new RunRecord("beats-2", "f", "{}", RunLocation.InProcess, DateTimeOffset.UtcNow, null, RunRecordState.Running)));

        await store.HeartbeatTried.Task.WaitAsync(Patience);

        var warning = await recorder.CompleteAsync();

        Assert.Matches(@"^warning: the run store .*flows\.db did not record 1 of 1 changes of this run ", warning);
    }

    [Fact]
    public async Task A_run_without_a_store_has_no_warning()
    {
        var result = await FlowRunner.RunAsync(RecordedFlow.Definition, new FlowRunOptions { Parameters = FlowParameterValues.From(("who", "di"), ("recordedToken", "t")) });

        Assert.Null(result.StoreWarning);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
