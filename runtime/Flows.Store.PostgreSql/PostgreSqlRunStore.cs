using System;
using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace Flows.Runs.PostgreSql;

/// <summary>
/// A run store in a PostgreSQL database (a connection string of <c>key=value</c> pairs, as Npgsql takes it). The tables are
/// created on first use; the schema version is kept in its own table, <c>flows_schema_version</c>, and concurrent first uses
/// are serialized by a transaction-scoped advisory lock. The password never leaves the connection string: messages show
/// <see cref="Description"/>, which has it masked.
/// </summary>
public sealed class PostgreSqlRunStore : RelationalRunStore
{
    // pg_advisory_xact_lock's key for Flows' migrations: "FLOWS" in ASCII.
    private const long MigrationLockKey = 0x464C4F5753;
    private readonly string _connectionString;
    private NpgsqlDataSource? _dataSource;

    public PostgreSqlRunStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        _connectionString = connectionString;
        Description = ConnectionStringRedaction.ForDisplay(connectionString);
    }

    public override string Description { get; }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        // Built on first use, so that a malformed connection string is explained like any other failure.
        if (_dataSource is null)
        {
            var created = NpgsqlDataSource.Create(_connectionString);
            if (Interlocked.CompareExchange(ref _dataSource, created, null) is not null)
            {
                await created.DisposeAsync().ConfigureAwait(false);
            }
        }
        return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<int> ReadSchemaVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(" + MigrationLockKey.ToString(CultureInfo.InvariantCulture) + ")", []).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS flows_schema_version (version INTEGER NOT NULL)", []).ConfigureAwait(false);
        using var command = CreateCommand(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM flows_schema_version", []);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    protected override async Task WriteSchemaVersionAsync(DbConnection connection, DbTransaction transaction, int version, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, "DELETE FROM flows_schema_version", []).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "INSERT INTO flows_schema_version (version) VALUES (@version)", [("version", version)]).ConfigureAwait(false);
    }

    protected override bool IsTransient(Exception failure) =>
        failure is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable };

    protected override string Explain(Exception failure) => failure switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } denied =>
            $"The run store {Description} refused the login ({denied.SqlState}: {denied.MessageText}): check the user and password of --store or FLOWS__STORE.",
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } missing =>
            $"The run store {Description} has no such database ({missing.MessageText}): create it (scripts/setup-postgres.sh creates flows_test), or fix Database=.",
        PostgresException other =>
            $"The run store {Description} failed ({other.SqlState}: {other.MessageText}).",
        NpgsqlException { InnerException: SocketException or TimeoutException } or NpgsqlException { InnerException: NpgsqlException { InnerException: SocketException } } =>
            $"The run store {Description} cannot be reached ({RootMessage(failure)}): start PostgreSQL (scripts/setup-postgres.sh here) or fix Host= and Port=.",
        ArgumentException or FormatException =>
            $"The run store {Description} is not a connection string Npgsql takes ({failure.Message}): write it as Host=...;Database=...;Username=...;Password=....",
        _ => $"The run store {Description} failed: {failure.GetType().Name}: {RootMessage(failure)}",
    };

    private static string RootMessage(Exception failure)
    {
        while (failure.InnerException is not null)
        {
            failure = failure.InnerException;
        }
        return UrlRedaction.InText(failure.Message.Split('\n')[0].Trim());
    }

    public override async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
