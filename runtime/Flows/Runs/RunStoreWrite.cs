namespace Flows.Runs;

/// <summary>One write of a batch that <see cref="IRunStore.WriteAsync"/> commits in one transaction.</summary>
public abstract record RunStoreWrite
{
    private RunStoreWrite() { }

    /// <summary>A new run; its id must not be in the store yet.</summary>
    public sealed record CreateRun(RunRecord Run) : RunStoreWrite;

    /// <summary>A run's end, state, location and fingerprint.</summary>
    public sealed record UpdateRun(RunRecord Run) : RunStoreWrite;

    /// <summary>A task attempt, inserted or replaced.</summary>
    public sealed record RecordAttempt(TaskAttemptRecord Attempt) : RunStoreWrite;
}
