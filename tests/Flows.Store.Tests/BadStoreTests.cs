using System;
using System.IO;
using System.Threading.Tasks;
using Flows.Runs;
using Flows.Runs.PostgreSql;
using Flows.Store.Tests.Support;
using Npgsql;

namespace Flows.Store.Tests;

/// <summary>A store that cannot be opened is one line that names it and the fix, never a stack trace; a password is never in it.</summary>
public sealed class BadStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("flows-bad-store-").FullName;

    private static async Task<string> OpenFailureAsync(IRunStore store)
    {
        await using (store)
        {
            var failure = await Assert.ThrowsAsync<RunStoreException>(() => store.OpenAsync());
            Assert.DoesNotContain('\n', failure.Message);
            Assert.DoesNotContain("   at ", failure.Message);
            return failure.Message;
        }
    }

    [Fact]
    public async Task A_corrupt_sqlite_file_is_named_with_the_fix_and_left_as_it_is()
    {
        var path = Path.Combine(_folder, "flows.db");
        var garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        await File.WriteAllBytesAsync(path, garbage);

        var message = await OpenFailureAsync(new SqliteRunStore(path));

        Assert.Equal($"The run store {path} is not a SQLite database (it may be damaged): move it away to start a new one, or choose another store with --store.", message);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task A_sqlite_file_in_a_folder_that_cannot_be_made_is_named_with_the_fix()
    {
        // A file where the folder should be: the folder cannot be created even by root, unlike a read-only folder.
        var blocker = Path.Combine(_folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "");
        var path = Path.Combine(blocker, "flows.db");

        var message = await OpenFailureAsync(new SqliteRunStore(path));

        Assert.StartsWith($"The run store {path} cannot be written (", message);
        Assert.EndsWith("make its folder writable, set FLOWS_HOME to another folder, or run with --store none.", message);
    }

    [StoreFact]
    [NeedsPostgreSql]
    public async Task A_wrong_postgresql_password_is_named_without_the_password()
    {
        var wrong = new NpgsqlConnectionStringBuilder(PostgreSqlServer.RequiredConnectionString) { Password = "not-the-password-7f3a" }.ConnectionString;

        var message = await OpenFailureAsync(new PostgreSqlRunStore(wrong));

        Assert.Contains("refused the login (28P01: password authentication failed for user \"flows\")", message);
        Assert.Contains("Password=***", message);
        Assert.DoesNotContain("not-the-password-7f3a", message);
    }

    [Fact]
    public async Task A_postgresql_that_is_down_is_named_with_the_fix_and_without_the_password()
    {
        var down = "Host=127.0.0.1;Port=1;Database=flows_test;Username=flows;Password=hidden-pw-91;Timeout=3";

        var message = await OpenFailureAsync(new PostgreSqlRunStore(down));

        Assert.Equal("The run store Host=127.0.0.1;Port=1;Database=flows_test;Username=flows;Password=***;Timeout=3 cannot be reached (Connection refused): " +
                     "start PostgreSQL (scripts/setup-postgres.sh here) or fix Host= and Port=.", message);
    }

    [Fact]
    public async Task A_malformed_postgresql_connection_string_is_named_with_the_fix()
    {
        var message = await OpenFailureAsync(new PostgreSqlRunStore("Host=127.0.0.1;Password=pw-55;Bogus Key=1"));

        Assert.StartsWith("The run store Host=127.0.0.1;Password=***;Bogus Key=1 is not a connection string Npgsql takes (", message);
        Assert.DoesNotContain("pw-55", message);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
