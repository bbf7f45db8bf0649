namespace Flows;

/// <summary>When a task runs, given the final states of its upstream tasks (Prefect's triggers).</summary>
public enum TaskTrigger
{
    /// <summary>Every upstream task succeeded (or was skipped). The default.</summary>
    AllSuccessful = 0,

    /// <summary>Every upstream task finished, whatever its state (Prefect's <c>all_finished</c>).</summary>
    AllFinished = 1,

    /// <summary>Same as <see cref="AllFinished"/> (Prefect's <c>always_run</c>): runs after failures and cancellation too.</summary>
    AlwaysRun = AllFinished,

    /// <summary>Every upstream task failed.</summary>
    AllFailed = 2,

    /// <summary>At least one upstream task succeeded.</summary>
    AnySuccessful = 3,

    /// <summary>At least one upstream task failed.</summary>
    AnyFailed = 4,
}
