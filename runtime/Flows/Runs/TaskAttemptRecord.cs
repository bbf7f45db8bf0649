using System;

namespace Flows.Runs;

/// <summary>
/// One attempt of one task of a run. A task the run never started (its trigger decided) has one record with attempt 0.
/// The same run, task and attempt written again replaces the record (an attempt is written when it starts and when it ends).
/// </summary>
/// <param name="ResultJson">The result as JSON, written with the task's generated JSON metadata; null when the task has none.</param>
/// <param name="LogTail">The last lines of the task's log, bounded; null when not recorded.</param>
public sealed record TaskAttemptRecord(
    string RunId,
    string Task,
    int Attempt,
    TaskRunState State,
    DateTimeOffset Started,
    DateTimeOffset? Ended,
    string? ErrorType = null,
    string? ErrorMessage = null,
    string? ResultJson = null,
    string? LogTail = null)
{
    public TimeSpan? Duration => Ended - Started;
}
