namespace Flows.Runs;

/// <summary>The state of a run as the store keeps it.</summary>
public enum RunRecordState
{
    Running,
    Succeeded,
    Failed,
    Cancelled,
    /// <summary>The process that ran it ended without recording an end.</summary>
    Crashed,
}
