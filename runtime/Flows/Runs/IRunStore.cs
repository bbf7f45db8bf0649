using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Runs;

/// <summary>
/// Where runs are kept (SQLite by default, PostgreSQL for teams). Every failure is a <see cref="RunStoreException"/>
/// whose message is one line naming the store and the fix.
/// </summary>
public interface IRunStore : IAsyncDisposable
{
    /// <summary>The store as messages name it: a path, or a connection string without its password.</summary>
    string Description { get; }

    /// <summary>
    /// Checks the schema version: creates or migrates an older schema, and refuses (never rewrites) one written by a newer Flows.
    /// The other methods call it once themselves.
    /// </summary>
    Task OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>Commits <paramref name="writes"/> in one transaction, in order.</summary>
    Task WriteAsync(IReadOnlyList<RunStoreWrite> writes, CancellationToken cancellationToken = default);

    Task CreateRunAsync(RunRecord run, CancellationToken cancellationToken = default) =>
        WriteAsync([new RunStoreWrite.CreateRun(run)], cancellationToken);

    Task UpdateRunAsync(RunRecord run, CancellationToken cancellationToken = default) =>
        WriteAsync([new RunStoreWrite.UpdateRun(run)], cancellationToken);

    Task RecordAttemptAsync(TaskAttemptRecord attempt, CancellationToken cancellationToken = default) =>
        WriteAsync([new RunStoreWrite.RecordAttempt(attempt)], cancellationToken);

    /// <summary>Runs newest first.</summary>
    Task<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default);

    /// <summary>The run and its attempts; null when the store has no run <paramref name="runId"/>.</summary>
    Task<StoredRun?> GetRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Removes the runs that started before <paramref name="startedBefore"/>, with their attempts; returns how many runs.</summary>
    Task<int> PruneAsync(DateTimeOffset startedBefore, CancellationToken cancellationToken = default);
}
