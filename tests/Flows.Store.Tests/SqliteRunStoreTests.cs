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
