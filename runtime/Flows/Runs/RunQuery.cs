namespace Flows.Runs;

/// <summary>Which runs to list: newest first, optionally of one flow and in one state.</summary>
public sealed record RunQuery(string? Flow = null, RunRecordState? State = null, int Limit = RunQuery.DefaultLimit)
{
    public const int DefaultLimit = 20;
}
