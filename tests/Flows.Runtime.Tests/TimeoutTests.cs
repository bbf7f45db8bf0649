using System;
using System.Threading.Tasks;
using Flows.Runtime.Tests.Fixtures;
using Flows.Runtime.Tests.Support;

namespace Flows.Runtime.Tests;

public class TimeoutTests
{
    [Theory]
    [InlineData(nameof(TimeoutFlow.HonoursToken))]
    [InlineData(nameof(TimeoutFlow.IgnoresToken))]
    [InlineData(nameof(TimeoutFlow.BlocksIgnoringToken))]
    public async Task A_task_that_runs_past_its_timeout_ends_TimedOut(string taskName)
    {
        using var probe = RunProbe.Start();

        var result = await TimeoutFlow.RunAsync(new FlowRunOptions { FlowRunId = probe.RunId }).WaitAsync(RunProbe.HangGuard);

        var task = result[taskName];
        Assert.Equal(TaskRunState.TimedOut, task.State);
        Assert.Equal(1, task.Attempts);
        Assert.IsType<TimeoutException>(task.Error);
        Assert.Contains("0.1s", task.Message);
    }

    [Fact]
    public async Task A_task_within_its_timeout_succeeds_and_a_timed_out_upstream_fails_the_trigger()
    {
        using var probe = RunProbe.Start();

        var result = await TimeoutFlow.RunAsync(new FlowRunOptions { FlowRunId = probe.RunId }).WaitAsync(RunProbe.HangGuard);

        Assert.Equal(TaskRunState.Success, result[nameof(TimeoutFlow.FinishesInTime)].State);
        Assert.Equal(7, result[nameof(TimeoutFlow.FinishesInTime)].Result);
        Assert.Equal(TaskRunState.TriggerFailed, result[nameof(TimeoutFlow.AfterTimeout)].State);
        Assert.Equal(FlowRunState.Failed, result.State);
        Assert.Equal(TimeSpan.FromSeconds(0.1), TimeoutFlow.Definition.GetTask(nameof(TimeoutFlow.HonoursToken)).Timeout);
        Assert.Null(TimeoutFlow.Definition.GetTask(nameof(TimeoutFlow.AfterTimeout)).Timeout);
    }
}
