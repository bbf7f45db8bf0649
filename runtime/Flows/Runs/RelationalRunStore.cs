using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Runs;

/// <summary>
/// A run store on an ADO.NET database with <see cref="RunStoreSchema"/>'s tables: the queries, the migrations and the retry of
/// transient failures live here once; a subclass opens connections, keeps the schema version and explains its failures.
/// Each operation is one short transaction on a pooled connection, so that many runs can write to one store at once.
/// Reading runs first records as Crashed every Running run whose heartbeat is older than <see cref="CrashedAfter"/>.
/// </summary>
public abstract class RelationalRunStore : IRunStore
{
    private const int MaxAttempts = 8;
    private readonly SemaphoreSlim _openLock = new(1, 1);
    private volatile bool _opened;

    public abstract string Description { get; }

    /// <summary>The clock that says how old a heartbeat is.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How old a Running run's heartbeat may be before reading records it as Crashed: <see cref="RunHeartbeat.CrashedAfter"/>.</summary>
    public TimeSpan CrashedAfter { get; init; } = RunHeartbeat.CrashedAfter;

    /// <summary>An open connection.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>The schema version in the database (0 for an empty one), read inside the migration's transaction.</summary>
    protected abstract Task<int> ReadSchemaVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    protected abstract Task WriteSchemaVersionAsync(DbConnection connection, DbTransaction transaction, int version, CancellationToken cancellationToken);

    /// <summary>Called once the schema is current, outside any transaction (SQLite turns WAL on here).</summary>
    protected virtual Task AfterMigrationAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A failure that the same transaction may not meet again (a lock, a serialization failure).</summary>
    protected abstract bool IsTransient(Exception failure);

    /// <summary>The one line that says what went wrong and what to do, naming <see cref="Description"/>.</summary>
    protected abstract string Explain(Exception failure);

    public async Task OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_opened)
        {
            return;
        }
        await _openLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_opened)
            {
                return;
            }
            await InTransactionAsync(MigrateAsync, cancellationToken).ConfigureAwait(false);
            await WithConnectionAsync(async connection =>
            {
                await AfterMigrationAsync(connection, cancellationToken).ConfigureAwait(false);
                return 0;
            }, cancellationToken).ConfigureAwait(false);
            _opened = true;
        }
        finally
        {
            _openLock.Release();
        }
    }

    private async Task<int> MigrateAsync(DbConnection connection, DbTransaction transaction)
    {
        var version = await ReadSchemaVersionAsync(connection, transaction, CancellationToken.None).ConfigureAwait(false);
        if (version > RunStoreSchema.CurrentVersion)
        {
            throw new RunStoreException(
                $"The run store {Description} has schema version {version}, written by a newer Flows (this one knows up to {RunStoreSchema.CurrentVersion}): " +
                "it is left as it is; use that Flows version, or choose another store with --store.");
        }
        for (var step = version; step < RunStoreSchema.CurrentVersion; step++)
        {
            foreach (var statement in RunStoreSchema.Migrations[step])
            {
                await ExecuteAsync(connection, transaction, statement, []).ConfigureAwait(false);
            }
        }
        if (version != RunStoreSchema.CurrentVersion)
        {
            await WriteSchemaVersionAsync(connection, transaction, RunStoreSchema.CurrentVersion, CancellationToken.None).ConfigureAwait(false);
        }
        return version;
    }

    public async Task WriteAsync(IReadOnlyList<RunStoreWrite> writes, CancellationToken cancellationToken = default)
    {
        if (writes.Count == 0)
        {
            return;
        }
        await OpenAsync(cancellationToken).ConfigureAwait(false);
        await InTransactionAsync(async (connection, transaction) =>
        {
            foreach (var write in writes)
            {
                var changed = await ApplyAsync(connection, transaction, write).ConfigureAwait(false);
                if (changed == 0 && write is RunStoreWrite.UpdateRun update)
                {
                    throw new RunStoreException($"The run store {Description} has no run '{update.Run.RunId}' to update.");
                }
            }
            return 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static Task<int> ApplyAsync(DbConnection connection, DbTransaction transaction, RunStoreWrite write) => write switch
    {
        RunStoreWrite.CreateRun create => ExecuteAsync(connection, transaction,
            "INSERT INTO runs (" + RunColumns + ") " +
            "VALUES (@run_id, @flow, @parameters, @location, @job_name, @pod_name, @started, @ended, @state, @resumed_from, @graph_fingerprint, @heartbeat)",
            RunParameters(create.Run)),
        RunStoreWrite.UpdateRun update => ExecuteAsync(connection, transaction,
            "UPDATE runs SET location = @location, job_name = @job_name, pod_name = @pod_name, ended = @ended, state = @state, " +
            "resumed_from = @resumed_from, graph_fingerprint = @graph_fingerprint WHERE run_id = @run_id",
            RunParameters(update.Run)),
        RunStoreWrite.Heartbeat heartbeat => ExecuteAsync(connection, transaction,
            "UPDATE runs SET heartbeat = @heartbeat WHERE run_id = @run_id AND state = @running",
            [("heartbeat", heartbeat.At.ToUnixTimeMilliseconds()), ("run_id", heartbeat.RunId), ("running", nameof(RunRecordState.Running))]),
        RunStoreWrite.RecordAttempt record => ExecuteAsync(connection, transaction,
            "INSERT INTO task_attempts (run_id, task, attempt, seq, state, started, ended, error_type, error_message, result_json, log_tail) " +
            "VALUES (@run_id, @task, @attempt, (SELECT COALESCE(MAX(seq), 0) + 1 FROM task_attempts WHERE run_id = @run_id), " +
            "@state, @started, @ended, @error_type, @error_message, @result_json, @log_tail) " +
            "ON CONFLICT (run_id, task, attempt) DO UPDATE SET state = excluded.state, started = excluded.started, ended = excluded.ended, " +
            "error_type = excluded.error_type, error_message = excluded.error_message, result_json = excluded.result_json, log_tail = excluded.log_tail",
            AttemptParameters(record.Attempt)),
        _ => throw new ArgumentOutOfRangeException(nameof(write), write, "Unknown run store write."),
    };

    public async Task<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        await OpenAsync(cancellationToken).ConfigureAwait(false);
        await RecordCrashedRunsAsync(cancellationToken).ConfigureAwait(false);
        // The casts give PostgreSQL the type of a NULL filter.
        var sql = "SELECT " + RunColumns + " FROM runs WHERE (CAST(@flow AS TEXT) IS NULL OR flow = @flow) AND (CAST(@state AS TEXT) IS NULL OR state = @state) " +
                  "ORDER BY started DESC, run_id LIMIT @limit";
        return await WithConnectionAsync(async connection =>
        {
            using var command = CreateCommand(connection, null, sql,
                [("flow", query.Flow), ("state", query.State?.ToString()), ("limit", (long)Math.Max(0, query.Limit))]);
            return await ReadAllAsync(command, ReadRun, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredRun?> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        await OpenAsync(cancellationToken).ConfigureAwait(false);
        await RecordCrashedRunsAsync(cancellationToken).ConfigureAwait(false);
        return await WithConnectionAsync(async connection =>
        {
            using var runCommand = CreateCommand(connection, null, "SELECT " + RunColumns + " FROM runs WHERE run_id = @run_id", [("run_id", runId)]);
            var runs = await ReadAllAsync(runCommand, ReadRun, cancellationToken).ConfigureAwait(false);
            if (runs.Count == 0)
            {
                return null;
            }
            using var attemptCommand = CreateCommand(connection, null,
                "SELECT run_id, task, attempt, state, started, ended, error_type, error_message, result_json, log_tail FROM task_attempts " +
                "WHERE run_id = @run_id ORDER BY seq", [("run_id", runId)]);
            var attempts = await ReadAllAsync(attemptCommand, ReadAttempt, cancellationToken).ConfigureAwait(false);
            return new StoredRun(runs[0], attempts);
        }, cancellationToken).ConfigureAwait(false);
    }

    private const string Stale = "state = @running AND heartbeat < @cutoff";

    /// <summary>
    /// Records every Running run whose heartbeat is older than <see cref="CrashedAfter"/> as Crashed, ended at its last heartbeat, so
    /// that it stays so. Only a store that has such runs is written to; the update checks the heartbeat again, so a run that has just
    /// beaten is left alone.
    /// </summary>
    private async Task RecordCrashedRunsAsync(CancellationToken cancellationToken)
    {
        (string, object?)[] parameters =
        [
            ("running", nameof(RunRecordState.Running)), ("crashed", nameof(RunRecordState.Crashed)),
            ("cutoff", (Clock.GetUtcNow() - CrashedAfter).ToUnixTimeMilliseconds()),
        ];
        var stale = await WithConnectionAsync(async connection =>
        {
            using var command = CreateCommand(connection, null, "SELECT COUNT(*) FROM runs WHERE " + Stale, parameters);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }, cancellationToken).ConfigureAwait(false);
        if (stale > 0)
        {
            await InTransactionAsync((connection, transaction) =>
                ExecuteAsync(connection, transaction, "UPDATE runs SET state = @crashed, ended = heartbeat WHERE " + Stale, parameters), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<int> PruneAsync(DateTimeOffset startedBefore, CancellationToken cancellationToken = default)
    {
        await OpenAsync(cancellationToken).ConfigureAwait(false);
        var cutoff = startedBefore.ToUnixTimeMilliseconds();
        return await InTransactionAsync(async (connection, transaction) =>
        {
            await ExecuteAsync(connection, transaction,
                "DELETE FROM task_attempts WHERE run_id IN (SELECT run_id FROM runs WHERE started < @cutoff)", [("cutoff", cutoff)]).ConfigureAwait(false);
            return await ExecuteAsync(connection, transaction, "DELETE FROM runs WHERE started < @cutoff", [("cutoff", cutoff)]).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public virtual ValueTask DisposeAsync()
    {
        _openLock.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private const string RunColumns = "run_id, flow, parameters, location, job_name, pod_name, started, ended, state, resumed_from, graph_fingerprint, heartbeat";

    private static (string, object?)[] RunParameters(RunRecord run) =>
    [
        ("run_id", run.RunId), ("flow", run.Flow), ("parameters", run.ParametersJson), ("location", run.Location?.Kind),
        ("job_name", run.Location?.JobName), ("pod_name", run.Location?.PodName), ("started", run.Started.ToUnixTimeMilliseconds()),
        ("ended", run.Ended?.ToUnixTimeMilliseconds()), ("state", run.State.ToString()), ("resumed_from", run.ResumedFrom),
        ("graph_fingerprint", run.GraphFingerprint), ("heartbeat", run.Heartbeat?.ToUnixTimeMilliseconds()),
    ];

    private static (string, object?)[] AttemptParameters(TaskAttemptRecord attempt) =>
    [
        ("run_id", attempt.RunId), ("task", attempt.Task), ("attempt", (long)attempt.Attempt), ("state", attempt.State.ToString()),
        ("started", attempt.Started.ToUnixTimeMilliseconds()), ("ended", attempt.Ended?.ToUnixTimeMilliseconds()), ("error_type", attempt.ErrorType),
        ("error_message", attempt.ErrorMessage), ("result_json", attempt.ResultJson), ("log_tail", attempt.LogTail),
    ];

    private static RunRecord ReadRun(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : new RunLocation(reader.GetString(3), NullableString(reader, 4), NullableString(reader, 5)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
        reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
        Enum.Parse<RunRecordState>(reader.GetString(8)),
        NullableString(reader, 9),
        NullableString(reader, 10),
        reader.IsDBNull(11) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(11)));

    private static TaskAttemptRecord ReadAttempt(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        (int)reader.GetInt64(2),
        Enum.Parse<TaskRunState>(reader.GetString(3)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
        reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
        NullableString(reader, 6),
        NullableString(reader, 7),
        NullableString(reader, 8),
        NullableString(reader, 9));

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    protected static DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    protected static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, (string Name, object? Value)[] parameters)
    {
        using var command = CreateCommand(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(DbCommand command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        WithConnectionAsync(async connection =>
        {
            using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var result = await work(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }, cancellationToken);

    /// <summary>Runs <paramref name="work"/> on a new connection, again on a transient failure, and explains any other failure in one line.</summary>
    private async Task<T> WithConnectionAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                return await work(connection).ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is not (RunStoreException or OperationCanceledException))
            {
                if (attempt < MaxAttempts && IsTransient(failure))
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50) * attempt), cancellationToken).ConfigureAwait(false);
                    continue;
                }
                throw new RunStoreException(Explain(failure), failure);
            }
        }
    }
}
