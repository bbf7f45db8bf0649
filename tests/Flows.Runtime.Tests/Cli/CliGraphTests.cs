using System.Threading.Tasks;
using Flows.Cli;

namespace Flows.Runtime.Tests.Cli;

public class CliGraphTests
{
    private static readonly FlowDefinition[] Hello = [CliHelloFlow.Definition];

    [Fact]
    public async Task Graph_prints_mermaid_by_default()
    {
        var run = await CliRun.InvokeAsync(Hello, "graph");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal(
            """
            ---
            title: cli hello
            ---
            flowchart TD
                t0["Fetch"]
                t1["Measure"]
                t2["Report (AllFinished)"]
                t0 -->|data| t1
                t1 -.-> t2

            """.ReplaceLineEndings("\n"),
            run.Output);
    }

    [Fact]
    public async Task Graph_prints_dot()
    {
        var run = await CliRun.InvokeAsync(Hello, "graph", "--format", "dot", "--flow", "cli hello");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal(
            """
            digraph "cli hello" {
                rankdir=TB;
                node [shape=box];
                t0 [label="Fetch"];
                t1 [label="Measure"];
                t2 [label="Report (AllFinished)"];
                t0 -> t1 [label="data"];
                t1 -> t2 [style=dashed];
            }

            """.ReplaceLineEndings("\n"),
            run.Output);
    }
}
