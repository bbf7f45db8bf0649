using System;
using System.Data.Common;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace Flows.Runs;

/// <summary>
/// The embedded run store: one SQLite file in WAL mode, created on first use (with its folder), its schema version in
/// <c>PRAGMA user_version</c>. Many processes may write to one file: each write is a short IMMEDIATE transaction that waits
/// for the lock (busy_timeout) and is tried again when it still meets one.
/// </summary>
public sealed class SqliteRunStore : RelationalRunStore
{
    private const int BusyTimeoutMilliseconds = 5000;
    private readonly string _connectionString;

    public SqliteRunStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The store at <see cref="FlowsHome.DefaultStorePath"/>.</summary>
    public static SqliteRunStore OpenDefault() => new(FlowsHome.DefaultStorePath);

    public string Path { get; }

    public override string Description => Path;

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var busy = connection.CreateCommand();
            busy.CommandText = "PRAGMA busy_timeout = " + BusyTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture);
            await busy.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    protected override async Task<int> ReadSchemaVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        using var command = CreateCommand(connection, transaction, "PRAGMA user_version", []);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    protected override Task WriteSchemaVersionAsync(DbConnection connection, DbTransaction transaction, int version, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, "PRAGMA user_version = " + version.ToString(CultureInfo.InvariantCulture), []);

    protected override async Task AfterMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // WAL lets readers and one writer work at once; the mode is kept in the file, so this changes it only the first time.
        using var command = CreateCommand(connection, null, "PRAGMA journal_mode = WAL", []);
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override bool IsTransient(Exception failure) =>
        failure is SqliteException { SqliteErrorCode: 5 or 6 }; // SQLITE_BUSY, SQLITE_LOCKED

    protected override string Explain(Exception failure) => failure switch
    {
        SqliteException { SqliteErrorCode: 26 } =>
            $"The run store {Path} is not a SQLite database (it may be damaged): move it away to start a new one, or choose another store with --store.",
        SqliteException { SqliteErrorCode: 8 or 14 } or UnauthorizedAccessException or IOException =>
            $"The run store {Path} cannot be written ({FirstLine(failure.Message)}): make its folder writable, set {FlowsHome.Variable} to another folder, or run with --store none.",
        SqliteException { SqliteErrorCode: 5 or 6 } =>
            $"The run store {Path} stayed locked by other runs ({FirstLine(failure.Message)}): try again, or choose another store with --store.",
        _ => $"The run store {Path} failed: {failure.GetType().Name}: {FirstLine(failure.Message)}",
    };

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    public override ValueTask DisposeAsync()
    {
        // Pooled connections hold the file open; let them go with the store.
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        return base.DisposeAsync();
    }
}
