using System;

namespace Flows.Runs;

/// <summary>One write of a batch that <see cref="IRunStore.WriteAsync"/> commits in one transaction.</summary>
public abstract record RunStoreWrite
{
    private RunStoreWrite() { }

    /// <summary>A new run; its id must not be in the store yet.</summary>
    public sealed record CreateRun(RunRecord Run) : RunStoreWrite;

    /// <summary>A run's end, state, location and fingerprint.</summary>
    public sealed record UpdateRun(RunRecord Run) : RunStoreWrite;

    /// <summary>A Running run is still alive at <paramref name="At"/> (<see cref="RunHeartbeat"/>); a run in any other state is left as it is.</summary>
    public sealed record Heartbeat(string RunId, DateTimeOffset At) : RunStoreWrite;

    /// <summary>A task attempt, inserted or replaced.</summary>
    public sealed record RecordAttempt(TaskAttemptRecord Attempt) : RunStoreWrite;
}
