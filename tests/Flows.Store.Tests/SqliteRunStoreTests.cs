using System;
using System.IO;
using System.Threading.Tasks;
using Flows.Runs;
using Microsoft.Data.Sqlite;

namespace Flows.Store.Tests;

/// <summary>The contract against a new SQLite file per test.</summary>
public sealed class SqliteRunStoreTests : RunStoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("flows-store-").FullName;

    private string DatabasePath => Path.Combine(_folder, "nested", "flows.db");

    protected override IRunStore OpenStore(TimeProvider clock) => new SqliteRunStore(DatabasePath) { Clock = clock };

    protected override Task SetSchemaVersionAsync(int version) => ExecuteAsync($"PRAGMA user_version = {version}");

    protected override async Task<int> ReadSchemaVersionAsync() => Convert.ToInt32(await ScalarAsync("PRAGMA user_version"));

    [Support.StoreFact]
    public async Task The_file_and_its_folder_are_created_on_first_use_in_wal_mode()
    {
        Assert.False(File.Exists(DatabasePath));

        await Store().OpenAsync();

        Assert.True(File.Exists(DatabasePath));
        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode"));
    }

    [Support.StoreFact]
    public async Task A_version_1_file_is_migrated_and_its_runs_get_their_end_or_start_as_heartbeat()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        foreach (var statement in RunStoreSchema.Migrations[0])
        {
            await ExecuteAsync(statement);
        }
        await ExecuteAsync("PRAGMA user_version = 1");
        await ExecuteAsync("INSERT INTO runs (run_id, flow, parameters, started, ended, state) VALUES ('open', 'f', '{}', 1000, NULL, 'Running'), ('ended', 'f', '{}', 1000, 5000, 'Failed')");

        var store = StoreAt(DateTimeOffset.FromUnixTimeMilliseconds(2000));
        var open = (await store.GetRunAsync("open"))!.Run;
        var ended = (await store.GetRunAsync("ended"))!.Run;

        Assert.Equal(2, await ReadSchemaVersionAsync());
        Assert.Equal((RunRecordState.Running, DateTimeOffset.FromUnixTimeMilliseconds(1000)), (open.State, open.Heartbeat));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(5000), ended.Heartbeat);
    }

    private async Task ExecuteAsync(string sql) => await ScalarAsync(sql);

    /// <summary>On a connection of its own, outside the store's pool.</summary>
    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
