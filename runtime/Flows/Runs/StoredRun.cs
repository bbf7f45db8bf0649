using System.Collections.Generic;

namespace Flows.Runs;

/// <summary>A run with its task attempts, in the order they were first recorded (started).</summary>
public sealed record StoredRun(RunRecord Run, IReadOnlyList<TaskAttemptRecord> Attempts);
