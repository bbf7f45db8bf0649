using System.Threading.Tasks;
using Flows.Cli;

namespace Flows.Runtime.Tests.Cli;

public class CliListTests
{
    [Fact]
    public async Task List_shows_each_flow_with_its_tasks_and_parameters()
    {
        var run = await CliRun.InvokeAsync([CliHelloFlow.Definition, CliParamsFlow.Definition], "list");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal(
            """
            cli hello: fetch, measure, report
              tasks (in order):
                Fetch
                Measure  (retries 2 every 0.5s; timeout 10s; after Fetch -> data)
                Report  (trigger AllFinished; after Measure)
            cli params
              tasks (in order):
                Greet
              parameters:
                who: string (required)  Whom to greet
                times: int (default 1)

            """.ReplaceLineEndings("\n"),
            run.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Version_prints_a_version_and_exits_0()
    {
        var run = await CliRun.InvokeAsync([CliHelloFlow.Definition], "--version");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Matches(@"^\d+\.\d+", run.Output.Trim());
    }

    [Fact]
    public async Task Help_lists_the_commands()
    {
        var run = await CliRun.InvokeAsync([CliHelloFlow.Definition], "--help");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("run", run.Output);
        Assert.Contains("graph", run.Output);
        Assert.Contains("list", run.Output);
    }
}
