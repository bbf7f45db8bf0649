using System;
using System.Threading.Tasks;
using Npgsql;

namespace Flows.Store.Tests.Support;

/// <summary>
/// The PostgreSQL of FLOWS_TEST_POSTGRES (scripts/setup-postgres.sh writes it; .ci/run exports it). Without it the
/// PostgreSQL tests are skipped with the reason, except under CI=true, where they run and fail.
/// </summary>
public static class PostgreSqlServer
{
    public const string Variable = "FLOWS_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static string RequiredConnectionString => ConnectionString
        ?? throw new InvalidOperationException($"{Variable} is not set: run scripts/setup-postgres.sh and export {Variable}=$(cat /var/lib/flows-postgres/flows_test.connection).");

    private static readonly Lazy<string?> Unavailable = new(Probe);

    public static string? SkipReason => Environment.GetEnvironmentVariable("CI") == "true" ? null : Unavailable.Value;

    private static string? Probe()
    {
        if (ConnectionString is null)
        {
            return $"No PostgreSQL: {Variable} is not set. Run scripts/setup-postgres.sh and export {Variable}=$(cat /var/lib/flows-postgres/flows_test.connection) (under CI=true this test fails instead).";
        }
        try
        {
            Task.Run(async () =>
            {
                await using var connection = new NpgsqlConnection(ConnectionString);
                await connection.OpenAsync();
            }).GetAwaiter().GetResult();
            return null;
        }
        catch (Exception unreachable)
        {
            return $"No PostgreSQL at {ConnectionStringRedaction.ForDisplay(ConnectionString)}: {unreachable.Message} Run scripts/setup-postgres.sh (under CI=true this test fails instead).";
        }
    }

    /// <summary>A new schema of its own for one test (tables and schema version included), dropped by <see cref="DropSchemaAsync"/>.</summary>
    public static async Task<string> CreateSchemaAsync(string schema)
    {
        await ExecuteAsync(RequiredConnectionString, $"CREATE SCHEMA \"{schema}\"");
        return new NpgsqlConnectionStringBuilder(RequiredConnectionString) { SearchPath = schema }.ConnectionString;
    }

    public static Task DropSchemaAsync(string schema) => ExecuteAsync(RequiredConnectionString, $"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");

    public static async Task ExecuteAsync(string connectionString, string sql) => await ScalarAsync(connectionString, sql);

    public static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}

public sealed class NeedsPostgreSqlAttribute : StoreAvailabilityAttribute
{
    public override string? SkipReason => PostgreSqlServer.SkipReason;
}
