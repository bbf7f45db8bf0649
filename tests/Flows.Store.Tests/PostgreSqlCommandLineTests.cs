using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Runs.PostgreSql;
using Flows.Store.Tests.Fixtures;
using Flows.Store.Tests.Support;
using Npgsql;

namespace Flows.Store.Tests;

/// <summary>run --store and runs --store with a PostgreSQL connection string, through PostgreSqlCommandLineExtension.</summary>
public sealed class PostgreSqlCommandLineTests
{
    private static async Task<(int ExitCode, string Output, string Error)> CliAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await FlowsCommandLine.InvokeAsync(args, [RecordedFlow.Definition], output, error, CancellationToken.None, new PostgreSqlCommandLineExtension());
        return (exitCode, output.ToString(), error.ToString());
    }

    [StoreFact]
    [NeedsPostgreSql]
    public async Task A_run_kept_in_postgresql_is_listed_and_the_password_is_never_printed()
    {
        var schema = "flows_cli_" + Guid.NewGuid().ToString("N");
        var connectionString = await PostgreSqlServer.CreateSchemaAsync(schema);
        var password = new NpgsqlConnectionStringBuilder(connectionString).Password!;
        Environment.SetEnvironmentVariable(RecordedFlow.SecretVariable, "t");
        try
        {
            var run = await CliAsync("run", "--flow-run-id", "pg-cli-1", "--param", "who=pg", "--store", connectionString);
            var runs = await CliAsync("runs", "--store", connectionString);
            var missing = await CliAsync("runs", "show", "nope", "--store", connectionString);

            Assert.Equal(ExitCodes.Failed, run.ExitCode);
            Assert.Matches(@"pg-cli-1\s+recorded\s+Failed\s+", runs.Output);
            Assert.Contains("Password=***", missing.Error);
            foreach (var text in new[] { run.Output, run.Error, runs.Output, runs.Error, missing.Error })
            {
                Assert.DoesNotContain(password, text);
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(RecordedFlow.SecretVariable, null);
            await PostgreSqlServer.DropSchemaAsync(schema);
        }
    }
}
