using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Runtime.Tests.Support;

namespace Flows.Runtime.Tests.Cli;

public class CliRunTests
{
    private static readonly FlowDefinition[] Hello = [CliHelloFlow.Definition];

    [Fact]
    public async Task Run_prints_state_changes_and_a_summary_and_exits_0()
    {
        var run = await CliRun.InvokeAsync(Hello, "run", "--flow-run-id", "cli-run-1");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains(lines, l => l.EndsWith("  Fetch    Running"));
        Assert.Contains(lines, l => l.EndsWith("  Measure  Success"));
        Assert.DoesNotContain(lines, l => l.Contains("Pending"));
        Assert.Contains("Task     State          Attempts    Duration", lines);
        Assert.Contains(lines, l => l.StartsWith("Measure  Success               1  "));
        Assert.Contains(lines, l => l.StartsWith("Flow 'cli hello' run cli-run-1: Success in "));
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Run_with_one_of_several_flows_selects_it_by_name()
    {
        var run = await CliRun.InvokeAsync([CliFailingFlow.Definition, CliHelloFlow.Definition], "run", "--flow", "cli hello");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("Flow 'cli hello' run ", run.Output);
    }

    [Fact]
    public async Task A_failing_flow_exits_1_and_names_the_failed_task()
    {
        var run = await CliRun.InvokeAsync([CliFailingFlow.Definition], "run");

        Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
        Assert.Contains("Explode  Failed: boom", run.Output);
        Assert.Contains(": Failed in ", run.Output);
        Assert.Contains("Task 'Explode' Failed: InvalidOperationException: boom", run.Error);
    }

    [Fact]
    public async Task Retries_are_shown_with_their_reason_and_attempt()
    {
        var run = await CliRun.InvokeAsync([Fixtures.RetryFlow.Definition], "run");

        Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
        Assert.Contains("FailsTwiceWithTwoRetries  Retrying: attempt 1 failed: attempt 1 fails; retrying in 0.05s", run.Output);
        Assert.Contains("FailsTwiceWithTwoRetries  Running (attempt 3)", run.Output);
        Assert.Contains("Task 'FailsTwiceWithOneRetry' Failed: InvalidOperationException: attempt 2 fails", run.Error);
    }

    [Fact]
    public async Task Parameters_are_passed_to_the_flow()
    {
        var run = await CliRun.InvokeAsync([CliParamsFlow.Definition], "run", "--param", "who=Ada", "-p", "times=2");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("Greet  Success", run.Output);
    }

    [Fact]
    public async Task A_cancelled_run_exits_130()
    {
        using var probe = RunProbe.Start();
        using var cancellation = new CancellationTokenSource();
        var invocation = CliRun.InvokeAsync([CliCancelFlow.Definition], cancellation.Token, "run", "--flow-run-id", probe.RunId);

        await probe.WhenSignalled(nameof(CliCancelFlow.Wait));
        cancellation.Cancel();
        var run = await invocation.WaitAsync(RunProbe.HangGuard);

        Assert.True(run.ExitCode == ExitCodes.Cancelled, run.ToString());
        Assert.Contains("Wait  Cancelled", run.Output);
        Assert.Contains(": Cancelled in ", run.Output);
        Assert.Equal(130, ExitCodes.Cancelled);
    }
}
