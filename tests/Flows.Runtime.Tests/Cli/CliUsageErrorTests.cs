using System.Threading.Tasks;
using Flows.Cli;

namespace Flows.Runtime.Tests.Cli;

public class CliUsageErrorTests
{
    private static readonly FlowDefinition[] Flows = [CliHelloFlow.Definition, CliParamsFlow.Definition];

    [Theory]
    [InlineData("unknown option", "error: ", "run", "--flow", "cli hello", "--no-such-option")]
    [InlineData("unknown command", "error: ", "launch")]
    [InlineData("unknown flow", "error: no flow named 'nope'. Flows: 'cli hello', 'cli params'.", "run", "--flow", "nope")]
    [InlineData("flow not chosen", "choose one with --flow", "run")]
    [InlineData("param without =", "error: a --param is not name=value: write --param NAME=VALUE.", "run", "-f", "cli params", "-p", "who")]
    [InlineData("unknown param", "error: flow 'cli params' has no parameter 'whom'. Parameters: who, times.", "run", "-f", "cli params", "-p", "whom=x")]
    [InlineData("param of a flow without parameters", "has no parameters", "run", "-f", "cli hello", "-p", "x=1")]
    [InlineData("param given twice", "is given twice", "run", "-f", "cli params", "-p", "who=a", "-p", "who=b")]
    [InlineData("missing required param", "error: Flow parameter 'who' is required", "run", "-f", "cli params")]
    [InlineData("bad param value", "error: Flow parameter 'times': 'many' is not a valid Int32.", "run", "-f", "cli params", "-p", "who=a", "-p", "times=many")]
    [InlineData("zero parallelism", "--max-parallelism must be at least 1.", "run", "-f", "cli hello", "--max-parallelism", "0")]
    [InlineData("bad graph format", "error: ", "graph", "-f", "cli hello", "--format", "svg")]
    [InlineData("graph of an unknown flow", "no flow named 'nope'", "graph", "-f", "nope")]
    public async Task Usage_errors_exit_2_with_a_message(string because, string expectedError, params string[] args)
    {
        var run = await CliRun.InvokeAsync(Flows, args);

        Assert.True(run.ExitCode == ExitCodes.UsageError, because + ": " + run);
        Assert.Contains(expectedError, run.Error);
        Assert.DoesNotContain("Running", run.Output);
    }

    [Theory]
    [InlineData("error: unknown command 'frobnicate'. Commands: run, graph, list, render, check, run-task, runs.", "frobnicate")]
    [InlineData("error: unknown command 'frobnicate'. Commands: run, graph, list, render, check, run-task, runs.", "frobnicate", "--flow", "cli hello")]
    [InlineData("error: unknown option '--bogus'. Give a command first: run, graph, list, render, check, run-task, runs.", "--bogus")]
    public async Task An_unknown_command_prints_only_the_real_error_and_the_commands(string expectedError, params string[] args)
    {
        var run = await CliRun.InvokeAsync(Flows, args);

        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.Equal(expectedError + "\nRun with --help for usage.\n", run.Error.Replace("\r\n", "\n"));
        Assert.Equal("", run.Output);
    }
}
