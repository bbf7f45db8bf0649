using System.Threading.Tasks;

namespace Flows.EndToEnd.Tests;

[Trait("Category", "EndToEnd")]
public sealed class HelloFlowEndToEndTests
{
    [Fact]
    public async Task Run_prints_the_value_state_changes_and_summary_and_exits_0()
    {
        var result = await SampleApps.RunAsync("HelloFlow", "run", "--flow-run-id", "e2e-run-1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Example!", result.Output);
        Assert.Matches(@"\d\d:\d\d:\d\d\.\d{3}  GetValue\s+Running", result.Output);
        Assert.Matches(@"OutputValue\s+Success\s+1\s+", result.Output);
        Assert.Contains("run e2e-run-1: Success", result.Output);
        // The value is printed by OutputValue, after GetValue succeeded.
        Assert.True(result.Output.IndexOf("GetValue     Success", System.StringComparison.Ordinal) < result.Output.IndexOf("Example!", System.StringComparison.Ordinal), result.Output);
    }

    [Fact]
    public async Task Run_is_kept_in_the_default_store_under_FLOWS_HOME_and_runs_shows_it()
    {
        var home = System.IO.Directory.CreateTempSubdirectory("flows-e2e-hello-home-").FullName;
        var environment = new System.Collections.Generic.Dictionary<string, string> { ["FLOWS_HOME"] = home };

        var run = await SampleApps.RunAsync("HelloFlow", environment, "run", "--flow-run-id", "e2e-kept-1");
        var runs = await SampleApps.RunAsync("HelloFlow", environment, "runs");
        var show = await SampleApps.RunAsync("HelloFlow", environment, "runs", "show", "e2e-kept-1");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(System.IO.File.Exists(System.IO.Path.Combine(home, "flows.db")), "no flows.db in FLOWS_HOME");
        Assert.True(runs.ExitCode == 0, runs.ToString());
        Assert.Matches(@"e2e-kept-1\s+\S.*\s+Succeeded\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+\S+\s+in-process", runs.Output);
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Matches(@"GetValue\s+Success\s+1\s+", show.Output);
        Assert.True(show.Output.IndexOf("GetValue", System.StringComparison.Ordinal) < show.Output.IndexOf("OutputValue", System.StringComparison.Ordinal), show.Output);
    }

    [Fact]
    public async Task Graph_prints_mermaid_and_dot()
    {
        var mermaid = await SampleApps.RunAsync("HelloFlow", "graph");
        Assert.Equal(0, mermaid.ExitCode);
        Assert.Contains("flowchart TD", mermaid.Output);
        Assert.Contains("t0 -->|value| t1", mermaid.Output);

        var dot = await SampleApps.RunAsync("HelloFlow", "graph", "--format", "dot");
        Assert.Equal(0, dot.ExitCode);
        Assert.Contains("t0 -> t1 [label=\"value\"];", dot.Output);
    }

    [Fact]
    public async Task List_help_and_version()
    {
        var list = await SampleApps.RunAsync("HelloFlow", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("Kubernetes Job Environment w/ Resource Requests & Limits", list.Output);
        Assert.Contains("OutputValue  (after GetValue -> value)", list.Output);

        var help = await SampleApps.RunAsync("HelloFlow", "run", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--max-parallelism", help.Output);

        var version = await SampleApps.RunAsync("HelloFlow", "--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Output);
    }

    [Theory]
    [InlineData("run", "--no-such-option")]
    [InlineData("run", "--flow", "No such flow")]
    [InlineData("run", "--param", "value=1")]
    [InlineData("run", "--max-parallelism", "0")]
    [InlineData("graph", "--format", "svg")]
    [InlineData("nonsense")]
    public async Task Usage_errors_exit_2(params string[] arguments)
    {
        var result = await SampleApps.RunAsync("HelloFlow", arguments);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error", result.Error);
    }
}
