using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Runtime.Tests.Support;

namespace Flows.Runtime.Tests.Cli;

/// <summary>run --store, runs, runs show and runs prune, each test on a store file of its own.</summary>
public sealed class CliRunsTests : IDisposable
{
    private static readonly FlowDefinition[] Flows = [CliHelloFlow.Definition, CliFailingFlow.Definition, CliSecretFlow.Definition];
    private readonly string _folder = Directory.CreateTempSubdirectory("flows-cli-runs-").FullName;

    private string StorePath => Path.Combine(_folder, "runs.db");

    private Task<CliRun> Cli(params string[] args) => CliRun.InvokeAsync(Flows, args);

    [Fact]
    public async Task Runs_lists_the_recorded_runs_newest_first_with_their_state_and_where()
    {
        Assert.Equal(ExitCodes.Success, (await Cli("run", "--flow", "cli hello", "--flow-run-id", "hello-1", "--store", StorePath)).ExitCode);
        Assert.Equal(ExitCodes.Failed, (await Cli("run", "--flow", "cli failing", "--flow-run-id", "failing-1", "--store", StorePath)).ExitCode);

        var runs = await Cli("runs", "--store", StorePath);

        Assert.True(runs.ExitCode == ExitCodes.Success, runs.ToString());
        var lines = runs.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        Assert.Matches(@"^Id\s+Flow\s+State\s+Started\s+Duration\s+Where$", lines[0]);
        Assert.Matches(@"^failing-1\s+cli failing\s+Failed\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+\S+\s+in-process$", lines[1]);
        Assert.Matches(@"^hello-1\s+cli hello\s+Succeeded\s+", lines[2]);
        Assert.Equal(3, lines.Count);
    }

    [Fact]
    public async Task Runs_filters_by_flow_state_and_limit()
    {
        await Cli("run", "--flow", "cli hello", "--flow-run-id", "h-1", "--store", StorePath);
        await Cli("run", "--flow", "cli hello", "--flow-run-id", "h-2", "--store", StorePath);
        await Cli("run", "--flow", "cli failing", "--flow-run-id", "f-1", "--store", StorePath);

        Assert.DoesNotContain("f-1", (await Cli("runs", "--store", StorePath, "--flow", "cli hello")).Output);
        var failed = (await Cli("runs", "--store", StorePath, "--state", "Failed")).Output;
        Assert.Contains("f-1", failed);
        Assert.DoesNotContain("h-1", failed);
        var limited = (await Cli("runs", "--store", StorePath, "--limit", "1")).Output;
        Assert.Contains("f-1", limited);
        Assert.DoesNotContain("h-2", limited);
    }

    [Fact]
    public async Task Runs_show_lists_the_tasks_in_graph_order_with_attempts_duration_and_error()
    {
        await Cli("run", "--flow", "cli hello", "--flow-run-id", "show-1", "--store", StorePath);
        await Cli("run", "--flow", "cli failing", "--flow-run-id", "show-2", "--store", StorePath);

        var hello = await Cli("runs", "show", "show-1", "--store", StorePath);
        var failing = await Cli("runs", "show", "show-2", "--store", StorePath);

        Assert.True(hello.ExitCode == ExitCodes.Success, hello.ToString());
        Assert.StartsWith("Run show-1 of 'cli hello': Succeeded, started ", hello.Output);
        var tasks = hello.Output.Split('\n').Select(l => l.TrimEnd('\r')).SkipWhile(l => !l.StartsWith("Task ")).Skip(1).Where(l => l.Length > 0).ToList();
        Assert.Equal(["Fetch", "Measure", "Report"], tasks.Select(l => l.Split(' ')[0]));
        Assert.All(tasks, l => Assert.Matches(@"^\w+\s+Success\s+1\s+\S+$", l));
        Assert.Matches(@"Explode\s+Failed\s+1\s+\S+\s+InvalidOperationException: boom", failing.Output);
    }

    [Fact]
    public async Task Runs_show_json_has_the_run_and_every_attempt()
    {
        await Cli("run", "--flow", "cli hello", "--flow-run-id", "json-1", "--store", StorePath);

        var shown = await Cli("runs", "show", "json-1", "--json", "--store", StorePath);

        Assert.True(shown.ExitCode == ExitCodes.Success, shown.ToString());
        using var json = JsonDocument.Parse(shown.Output);
        Assert.Equal("json-1", json.RootElement.GetProperty("run_id").GetString());
        Assert.Equal("Succeeded", json.RootElement.GetProperty("state").GetString());
        Assert.Equal("in-process", json.RootElement.GetProperty("where").GetString());
        Assert.Equal(["Fetch", "Measure", "Report"], json.RootElement.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        var attempt = json.RootElement.GetProperty("tasks")[0].GetProperty("attempts")[0];
        Assert.Equal(1, attempt.GetProperty("attempt").GetInt32());
        Assert.Equal(JsonValueKind.Null, attempt.GetProperty("result").ValueKind);
    }

    [Fact]
    public async Task Runs_show_of_an_unknown_id_says_so()
    {
        var shown = await Cli("runs", "show", "nope", "--store", StorePath);

        Assert.Equal(ExitCodes.Failed, shown.ExitCode);
        Assert.Equal($"error: the run store {StorePath} has no run 'nope' (see 'runs').", shown.Error.Trim());
    }

    [Fact]
    public async Task Secret_parameters_are_not_kept()
    {
        Environment.SetEnvironmentVariable(CliSecretFlow.Variable, "cli-runs-secret-value");
        try
        {
            await Cli("run", "--flow", "cli secret", "--flow-run-id", "secret-1", "--store", StorePath);
        }
        finally
        {
            Environment.SetEnvironmentVariable(CliSecretFlow.Variable, null);
        }

        var shown = await Cli("runs", "show", "secret-1", "--json", "--store", StorePath);

        Assert.True(shown.ExitCode == ExitCodes.Success, shown.ToString());
        Assert.DoesNotContain("cli-runs-secret-value", shown.Output);
        // The last connection's close moves the write-ahead log into the file.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.DoesNotContain("cli-runs-secret-value", await File.ReadAllTextAsync(StorePath));
    }

    [Fact]
    public async Task Prune_removes_runs_older_than_the_age()
    {
        await Cli("run", "--flow", "cli hello", "--flow-run-id", "prune-1", "--store", StorePath);

        var kept = await Cli("runs", "prune", "--older-than", "30d", "--store", StorePath);
        Assert.Equal("Removed 0 runs older than 30d from " + StorePath + ".", kept.Output.Trim());
        await Task.Delay(1100);
        var removed = await Cli("runs", "prune", "--older-than", "1s", "--store", StorePath);

        Assert.Equal("Removed 1 run older than 1s from " + StorePath + ".", removed.Output.Trim());
        Assert.Equal("No runs.", (await Cli("runs", "--store", StorePath)).Output.Trim());
    }

    [Theory]
    [InlineData("30")]
    [InlineData("d")]
    [InlineData("3w")]
    [InlineData("-1d")]
    public async Task Prune_with_a_bad_age_is_a_usage_error(string age)
    {
        var prune = await Cli("runs", "prune", "--older-than", age, "--store", StorePath);

        Assert.Equal(ExitCodes.UsageError, prune.ExitCode);
        Assert.Contains($"--older-than '{age}' is not an age", prune.Error);
    }

    [Fact]
    public async Task Store_none_keeps_nothing()
    {
        var run = await Cli("run", "--flow", "cli hello", "--store", "none");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.False(File.Exists(StorePath));
    }

    [Fact]
    public async Task Without_store_the_run_is_kept_in_FLOWS_HOME()
    {
        var run = await Cli("run", "--flow", "cli hello", "--flow-run-id", "default-home-" + Guid.NewGuid().ToString("N"));

        Assert.Equal("", run.Error);
        var id = run.Output.Split("run ")[^1].Split(':')[0];
        var shown = await Cli("runs", "show", id);
        Assert.True(shown.ExitCode == ExitCodes.Success, shown.ToString());
        Assert.True(File.Exists(Path.Combine(TestFlowsHome.Directory, "flows.db")));
    }

    [Fact]
    public async Task A_store_named_on_purpose_that_cannot_be_used_stops_the_run_in_one_line()
    {
        var garbage = Path.Combine(_folder, "garbage.db");
        await File.WriteAllBytesAsync(garbage, Enumerable.Repeat((byte)0x5A, 4096).ToArray());

        var run = await Cli("run", "--flow", "cli hello", "--store", garbage);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Equal($"error: The run store {garbage} is not a SQLite database (it may be damaged): move it away to start a new one, or choose another store with --store.",
            run.Error.Trim());
        Assert.DoesNotContain("Fetch", run.Output);
    }

    [Fact]
    public async Task A_connection_string_without_a_store_for_it_is_one_line_without_the_password()
    {
        var run = await Cli("run", "--flow", "cli hello", "--store", "Host=db;Username=u;Password=cli-pw-12");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.StartsWith("error: --store Host=db;Username=u;Password=*** is a connection string, and this application has no store for it", run.Error);
        Assert.DoesNotContain("cli-pw-12", run.Error);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
