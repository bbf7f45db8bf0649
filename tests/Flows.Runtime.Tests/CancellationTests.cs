using System.Threading;
using System.Threading.Tasks;
using Flows.Runtime.Tests.Fixtures;
using Flows.Runtime.Tests.Support;

namespace Flows.Runtime.Tests;

public class CancellationTests
{
    [Fact]
    public async Task Cancelling_a_run_cancels_running_and_downstream_tasks_but_always_run_tasks_still_run()
    {
        using var probe = RunProbe.Start();
        using var cancellation = new CancellationTokenSource();
        var run = CancellationFlow.RunAsync(new FlowRunOptions { FlowRunId = probe.RunId, MaxParallelism = 4 }, cancellation.Token);

        await probe.WhenSignalled(nameof(CancellationFlow.LongRunning));
        await probe.WhenSignalled(nameof(CancellationFlow.Stubborn));
        cancellation.Cancel();
        var result = await run.WaitAsync(RunProbe.HangGuard);

        Assert.Equal(FlowRunState.Cancelled, result.State);
        Assert.Equal(TaskRunState.Success, result["Prepare"].State);
        Assert.Equal(TaskRunState.Cancelled, result["LongRunning"].State);
        Assert.Equal(TaskRunState.Cancelled, result["Stubborn"].State);
        Assert.Equal(TaskRunState.Cancelled, result["Downstream"].State);
        Assert.Equal(0, result["Downstream"].Attempts);
        Assert.Equal(TaskRunState.Success, result["CleanUp"].State);
        Assert.Equal(["cleanup ran; token cancelled: False"], probe.Events);
    }

    [Fact]
    public async Task A_run_cancelled_before_it_starts_runs_only_its_always_run_tasks()
    {
        using var probe = RunProbe.Start();

        var result = await CancellationFlow.RunAsync(new FlowRunOptions { FlowRunId = probe.RunId }, new CancellationToken(canceled: true));

        Assert.Equal(FlowRunState.Cancelled, result.State);
        Assert.All(new[] { "Prepare", "LongRunning", "Stubborn", "Downstream" }, name => Assert.Equal(TaskRunState.Cancelled, result[name].State));
        Assert.Equal(TaskRunState.Success, result["CleanUp"].State);
    }
}
