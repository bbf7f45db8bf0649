namespace Flows;

/// <summary>The state of one task in a flow run.</summary>
public enum TaskRunState
{
    Pending,
    Running,
    /// <summary>An attempt failed or timed out and another attempt will follow after the retry delay.</summary>
    Retrying,
    Success,
    Failed,
    TimedOut,
    /// <summary>The task chose to skip (threw <see cref="SkipTaskException"/>), an upstream it needs was skipped, or its failure trigger was not needed.</summary>
    Skipped,
    /// <summary>The trigger was not met because of upstream failures, or an input it needs has no result.</summary>
    TriggerFailed,
    Cancelled,
}

public static class TaskRunStateExtensions
{
    public static bool IsFinal(this TaskRunState state) =>
        state is not (TaskRunState.Pending or TaskRunState.Running or TaskRunState.Retrying);

    /// <summary>Success or Skipped: counts as success for triggers.</summary>
    public static bool IsSuccessful(this TaskRunState state) =>
        state is TaskRunState.Success or TaskRunState.Skipped;

    /// <summary>Failed, TimedOut or TriggerFailed: counts as failure for triggers.</summary>
    public static bool IsFailed(this TaskRunState state) =>
        state is TaskRunState.Failed or TaskRunState.TimedOut or TaskRunState.TriggerFailed;
}

/// <summary>The outcome of a whole flow run.</summary>
public enum FlowRunState
{
    Success,
    Failed,
    Cancelled,
}
