using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Flows.Runs;
using Flows.Store.Tests.Fixtures;
using Flows.Store.Tests.Support;

namespace Flows.Store.Tests;

/// <summary>What every run store does; each concrete subclass runs it against one store, a new empty one per test.</summary>
public abstract class RunStoreContract : IAsyncLifetime
{
    private readonly List<IRunStore> _stores = [];
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A store on this test's own empty database that tells the time by <paramref name="clock"/>; each call is a new store object on the same database.</summary>
    protected abstract IRunStore OpenStore(TimeProvider clock);

    protected IRunStore OpenStore() => OpenStore(TimeProvider.System);

    /// <summary>Sets the database's schema version as a newer Flows would have written it.</summary>
    protected abstract Task SetSchemaVersionAsync(int version);

    protected abstract Task<int> ReadSchemaVersionAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    protected IRunStore Store() => Store(TimeProvider.System);

    /// <summary>A store whose clock stands still at <paramref name="now"/>.</summary>
    protected IRunStore StoreAt(DateTimeOffset now) => Store(new StoppedClock(now));

    private IRunStore Store(TimeProvider clock)
    {
        var store = OpenStore(clock);
        _stores.Add(store);
        return store;
    }

    private static RunRecord Run(string id, string flow = "f", RunRecordState state = RunRecordState.Running, DateTimeOffset? started = null) =>
        new(id, flow, "{}", RunLocation.InProcess, started ?? Noon, null, state);

    [StoreFact]
    public async Task A_created_run_comes_back_with_every_field()
    {
        var store = Store();
        var run = new RunRecord("run-1", "flow a", """{"who":"me"}""", new RunLocation(RunLocation.KubernetesJobKind, "job-1", "pod-1"), Noon, null,
            RunRecordState.Running, ResumedFrom: "run-0", GraphFingerprint: "abc", Heartbeat: Noon.AddSeconds(3));

        await store.CreateRunAsync(run);
        var stored = await StoreAt(Noon.AddSeconds(3)).GetRunAsync("run-1");

        Assert.NotNull(stored);
        Assert.Equal(run, stored.Run);
        Assert.Empty(stored.Attempts);
    }

    [StoreFact]
    public async Task An_update_records_the_end_and_the_state()
    {
        var store = Store();
        await store.CreateRunAsync(Run("run-2"));

        var ended = Run("run-2") with { Ended = Noon.AddSeconds(90), State = RunRecordState.Failed };
        await store.UpdateRunAsync(ended);

        var stored = await store.GetRunAsync("run-2");
        Assert.Equal(ended, stored!.Run);
        Assert.Equal(TimeSpan.FromSeconds(90), stored.Run.Duration);
    }

    [StoreFact]
    public async Task Updating_a_run_the_store_does_not_have_is_one_clear_line()
    {
        var failure = await Assert.ThrowsAsync<RunStoreException>(() => Store().UpdateRunAsync(Run("nowhere")));

        Assert.Contains("has no run 'nowhere' to update", failure.Message);
        Assert.DoesNotContain('\n', failure.Message);
    }

    [StoreFact]
    public async Task A_second_create_of_one_run_id_fails()
    {
        var store = Store();
        await store.CreateRunAsync(Run("twice"));

        await Assert.ThrowsAsync<RunStoreException>(() => store.CreateRunAsync(Run("twice")));
    }

    [StoreFact]
    public async Task Attempts_come_back_in_the_order_they_were_first_recorded_and_a_rewrite_replaces_one()
    {
        var store = Store();
        await store.CreateRunAsync(Run("run-3"));
        // B/1 starts in the same millisecond as Z/1, and is recorded after it: neither the time nor the name orders them.
        var first = new TaskAttemptRecord("run-3", "B", 1, TaskRunState.Running, Noon, null);
        await store.WriteAsync([
            new RunStoreWrite.RecordAttempt(new TaskAttemptRecord("run-3", "Z", 1, TaskRunState.Success, Noon, Noon.AddSeconds(1), ResultJson: "42")),
            new RunStoreWrite.RecordAttempt(first),
            new RunStoreWrite.RecordAttempt(first with { State = TaskRunState.Failed, Ended = Noon.AddSeconds(2), ErrorType = "System.InvalidOperationException", ErrorMessage = "no" }),
            new RunStoreWrite.RecordAttempt(new TaskAttemptRecord("run-3", "B", 2, TaskRunState.Success, Noon.AddSeconds(3), Noon.AddSeconds(4), LogTail: "done\n")),
        ]);

        var attempts = (await store.GetRunAsync("run-3"))!.Attempts;

        Assert.Equal(["Z/1/Success", "B/1/Failed", "B/2/Success"], attempts.Select(a => $"{a.Task}/{a.Attempt}/{a.State}"));
        Assert.Equal("42", attempts[0].ResultJson);
        Assert.Equal(("System.InvalidOperationException", "no"), (attempts[1].ErrorType, attempts[1].ErrorMessage));
        Assert.Equal("done\n", attempts[2].LogTail);
    }

    [StoreFact]
    public async Task Runs_are_listed_newest_first_and_filtered_by_flow_state_and_limit()
    {
        var store = Store();
        await store.CreateRunAsync(Run("old-a", "a", RunRecordState.Succeeded, Noon));
        await store.CreateRunAsync(Run("mid-b", "b", RunRecordState.Failed, Noon.AddMinutes(1)));
        await store.CreateRunAsync(Run("new-a", "a", RunRecordState.Failed, Noon.AddMinutes(2)));

        Assert.Equal(["new-a", "mid-b", "old-a"], Ids(await store.ListRunsAsync(new RunQuery())));
        Assert.Equal(["new-a", "old-a"], Ids(await store.ListRunsAsync(new RunQuery(Flow: "a"))));
        Assert.Equal(["new-a", "mid-b"], Ids(await store.ListRunsAsync(new RunQuery(State: RunRecordState.Failed))));
        Assert.Equal(["old-a"], Ids(await store.ListRunsAsync(new RunQuery("a", RunRecordState.Succeeded))));
        Assert.Equal(["new-a"], Ids(await store.ListRunsAsync(new RunQuery(Limit: 1))));
        Assert.Empty(await store.ListRunsAsync(new RunQuery(Flow: "c")));
    }

    private static string[] Ids(IReadOnlyList<RunRecord> runs) => runs.Select(r => r.RunId).ToArray();

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [StoreFact]
    public async Task Get_of_an_unknown_run_is_null()
    {
        Assert.Null(await Store().GetRunAsync("unknown"));
    }

    [StoreFact]
    public async Task Prune_removes_the_runs_started_before_the_cutoff_with_their_attempts()
    {
        var store = Store();
        await store.CreateRunAsync(Run("old", started: Noon.AddDays(-40)));
        await store.RecordAttemptAsync(new TaskAttemptRecord("old", "A", 1, TaskRunState.Success, Noon.AddDays(-40), Noon.AddDays(-40)));
        await store.CreateRunAsync(Run("recent", started: Noon));
        await store.RecordAttemptAsync(new TaskAttemptRecord("recent", "A", 1, TaskRunState.Success, Noon, Noon));

        Assert.Equal(1, await store.PruneAsync(Noon.AddDays(-30)));

        Assert.Null(await store.GetRunAsync("old"));
        Assert.Single((await store.GetRunAsync("recent"))!.Attempts);
        // A run created again under the pruned id starts with no attempts of the old one.
        await store.CreateRunAsync(Run("old"));
        Assert.Empty((await store.GetRunAsync("old"))!.Attempts);
    }

    [StoreFact]
    public async Task A_new_store_gets_the_current_schema_version()
    {
        await Store().OpenAsync();

        Assert.Equal(RunStoreSchema.CurrentVersion, await ReadSchemaVersionAsync());
    }

    [StoreFact]
    public async Task A_database_of_a_newer_schema_is_refused_in_one_line_and_left_as_it_is()
    {
        var store = Store();
        await store.CreateRunAsync(Run("kept"));
        await SetSchemaVersionAsync(RunStoreSchema.CurrentVersion + 5);

        var refused = await Assert.ThrowsAsync<RunStoreException>(() => Store().ListRunsAsync(new RunQuery()));

        Assert.Contains($"has schema version {RunStoreSchema.CurrentVersion + 5}, written by a newer Flows", refused.Message);
        Assert.DoesNotContain('\n', refused.Message);
        Assert.Equal(RunStoreSchema.CurrentVersion + 5, await ReadSchemaVersionAsync());
        await SetSchemaVersionAsync(RunStoreSchema.CurrentVersion);
        Assert.NotNull(await Store().GetRunAsync("kept"));
    }

    [StoreFact]
    public async Task A_flow_run_is_recorded_with_its_attempts_and_without_its_secret_parameters()
    {
        var store = Store();
        var result = await FlowRunner.RunAsync(RecordedFlow.Definition, new FlowRunOptions
        {
            FlowRunId = "recorded-1",
            Parameters = FlowParameterValues.From(("who", "ann"), ("recordedToken", RecordedFlow.SecretValue)),
            Store = store,
        });

        Assert.Equal(FlowRunState.Failed, result.State);
        Assert.Null(result.StoreWarning);
        var stored = (await Store().GetRunAsync("recorded-1"))!;
        Assert.Equal(RunRecordState.Failed, stored.Run.State);
        Assert.NotNull(stored.Run.Ended);
        Assert.InRange(stored.Run.Heartbeat!.Value, stored.Run.Started, stored.Run.Ended!.Value);
        Assert.Equal(RunLocation.InProcess, stored.Run.Location);
        Assert.Equal("""{"who":"ann"}""", stored.Run.ParametersJson);
        Assert.DoesNotContain(stored.Attempts, a => (a.ErrorMessage ?? "").Contains(RecordedFlow.SecretValue, StringComparison.Ordinal));
        Assert.Equal(["Greet/1/Success", "Flaky/1/Failed", "Flaky/2/Success", "Explode/1/Failed", "After/0/TriggerFailed"],
            stored.Attempts.Select(a => $"{a.Task}/{a.Attempt}/{a.State}"));
        var explode = stored.Attempts.Single(a => a.Task == "Explode");
        Assert.Equal(("System.ArgumentException", "boom"), (explode.ErrorType, explode.ErrorMessage));
        Assert.All(stored.Attempts, a => Assert.NotNull(a.Ended));
        // No JSON metadata for results in the definition yet: no result is recorded.
        Assert.All(stored.Attempts, a => Assert.Null(a.ResultJson));
    }

    [StoreFact]
    public async Task A_running_run_whose_heartbeat_is_too_old_is_read_as_crashed_ended_at_its_last_heartbeat_and_stays_so()
    {
        var bound = RunHeartbeat.CrashedAfter;
        var now = Noon + bound + TimeSpan.FromMinutes(1);
        var writer = Store();
        await writer.CreateRunAsync(Run("dead") with { Heartbeat = Noon });
        await writer.CreateRunAsync(Run("alive", started: Noon.AddSeconds(1)) with { Heartbeat = now - bound + TimeSpan.FromSeconds(1) });
        await writer.CreateRunAsync(Run("done", state: RunRecordState.Succeeded, started: Noon.AddSeconds(2)) with { Heartbeat = Noon, Ended = Noon.AddSeconds(5) });
        // A run whose recorder never wrote a heartbeat (another writer) is never taken for crashed.
        await writer.CreateRunAsync(Run("unbeaten", started: Noon.AddSeconds(3)));

        var reader = StoreAt(now);
        var listed = (await reader.ListRunsAsync(new RunQuery())).ToDictionary(r => r.RunId);

        Assert.Equal((RunRecordState.Crashed, Noon), (listed["dead"].State, listed["dead"].Ended));
        Assert.Equal((RunRecordState.Running, null), (listed["alive"].State, listed["alive"].Ended));
        Assert.Equal(RunRecordState.Succeeded, listed["done"].State);
        Assert.Equal(RunRecordState.Running, listed["unbeaten"].State);
        Assert.Equal(["dead"], Ids(await reader.ListRunsAsync(new RunQuery(State: RunRecordState.Crashed))));
        Assert.Equal(["unbeaten", "alive"], Ids(await reader.ListRunsAsync(new RunQuery(State: RunRecordState.Running))));
        // Written, not only reported: a reader whose clock says the heartbeat is fresh, and a late heartbeat, leave it Crashed.
        await writer.WriteAsync([new RunStoreWrite.Heartbeat("dead", now)]);
        var later = (await StoreAt(Noon).GetRunAsync("dead"))!.Run;
        Assert.Equal((RunRecordState.Crashed, Noon, Noon), (later.State, later.Ended, later.Heartbeat));
    }

    [StoreFact]
    public async Task Get_reads_a_run_with_a_too_old_heartbeat_as_crashed_and_a_heartbeat_keeps_a_run_alive()
    {
        var bound = RunHeartbeat.CrashedAfter;
        var writer = Store();
        await writer.CreateRunAsync(Run("silent") with { Heartbeat = Noon });
        await writer.CreateRunAsync(Run("beating") with { Heartbeat = Noon });
        var beat = Noon.AddMinutes(1);

        await writer.WriteAsync([new RunStoreWrite.Heartbeat("beating", beat)]);
        var reader = StoreAt(beat + bound - TimeSpan.FromSeconds(1));

        var beating = (await reader.GetRunAsync("beating"))!.Run;
        Assert.Equal((RunRecordState.Running, beat, null), (beating.State, beating.Heartbeat, beating.Ended));
        var silent = (await reader.GetRunAsync("silent"))!.Run;
        Assert.Equal((RunRecordState.Crashed, Noon), (silent.State, silent.Ended));
    }

    [StoreFact]
    public async Task Twenty_runs_writing_at_once_through_their_own_stores_lose_nothing()
    {
        await Store().OpenAsync();
        const int runs = 20, attemptsPerRun = 25;
        await Task.WhenAll(Enumerable.Range(0, runs).Select(r => Task.Run(async () =>
        {
            await using var own = OpenStore();
            var id = $"concurrent-{r}";
            await own.CreateRunAsync(Run(id, "concurrent"));
            for (var a = 0; a < attemptsPerRun; a++)
            {
                await own.RecordAttemptAsync(new TaskAttemptRecord(id, "T" + a, 1, TaskRunState.Success, Noon.AddSeconds(a), Noon.AddSeconds(a + 1)));
            }
            await own.UpdateRunAsync(Run(id, "concurrent", RunRecordState.Succeeded) with { Ended = Noon.AddMinutes(1) });
        })));

        var listed = await Store().ListRunsAsync(new RunQuery(Flow: "concurrent", Limit: 100));
        Assert.Equal(runs, listed.Count);
        Assert.All(listed, r => Assert.Equal(RunRecordState.Succeeded, r.State));
        foreach (var run in listed)
        {
            Assert.Equal(attemptsPerRun, (await Store().GetRunAsync(run.RunId))!.Attempts.Count);
        }
    }
}
