namespace Flows.Kubernetes;

internal enum RunOutcomeKind
{
    Succeeded,
    Failed,
    /// <summary>The API could not be reached any more: the run's result is unknown.</summary>
    Unknown,
}

/// <summary>How a run ended, in one sentence.</summary>
internal sealed record RunOutcome(RunOutcomeKind Kind, string Summary)
{
    public bool Succeeded => Kind == RunOutcomeKind.Succeeded;

    public static RunOutcome Success(string summary) => new(RunOutcomeKind.Succeeded, summary);

    public static RunOutcome Failure(string summary) => new(RunOutcomeKind.Failed, summary);
}
