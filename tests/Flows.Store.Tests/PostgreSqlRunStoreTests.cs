using System;
using System.Threading.Tasks;
using Flows.Runs;
using Flows.Runs.PostgreSql;
using Flows.Store.Tests.Support;

namespace Flows.Store.Tests;

/// <summary>The contract against the real PostgreSQL, in a schema of its own per test (search path), dropped after it.</summary>
[NeedsPostgreSql]
public sealed class PostgreSqlRunStoreTests : RunStoreContract
{
    private readonly string _schema = "flows_test_" + Guid.NewGuid().ToString("N");
    private string? _connectionString;

    public override async Task InitializeAsync()
    {
        if (PostgreSqlServer.SkipReason is null)
        {
            _connectionString = await PostgreSqlServer.CreateSchemaAsync(_schema);
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_connectionString is not null)
        {
            await PostgreSqlServer.DropSchemaAsync(_schema);
        }
    }

    protected override IRunStore OpenStore(TimeProvider clock) => new PostgreSqlRunStore(_connectionString!) { Clock = clock };

    protected override Task SetSchemaVersionAsync(int version) =>
        PostgreSqlServer.ExecuteAsync(_connectionString!, $"UPDATE flows_schema_version SET version = {version}");

    protected override async Task<int> ReadSchemaVersionAsync() =>
        Convert.ToInt32(await PostgreSqlServer.ScalarAsync(_connectionString!, "SELECT version FROM flows_schema_version"));
}
