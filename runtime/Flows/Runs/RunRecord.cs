using System;

namespace Flows.Runs;

/// <summary>One run of a flow as the store keeps it.</summary>
/// <param name="ParametersJson">The run's parameters as a JSON object of raw values; secret parameters are left out.</param>
/// <param name="ResumedFrom">The run this one resumed; null for a fresh run.</param>
/// <param name="GraphFingerprint">The flow graph's fingerprint; null until the generator emits one.</param>
/// <param name="Heartbeat">When its recorder last said the run was alive (<see cref="RunHeartbeat"/>); a Running run whose heartbeat is
/// too old is Crashed. Null when nothing ever did: such a run is never taken for crashed.</param>
public sealed record RunRecord(
    string RunId,
    string Flow,
    string ParametersJson,
    RunLocation? Location,
    DateTimeOffset Started,
    DateTimeOffset? Ended,
    RunRecordState State,
    string? ResumedFrom = null,
    string? GraphFingerprint = null,
    DateTimeOffset? Heartbeat = null)
{
    public TimeSpan? Duration => Ended - Started;
}
