using System;
using System.Threading.Tasks;
using Flows.Runtime.Tests.Fixtures;
using Flows.Runtime.Tests.Support;

namespace Flows.Runtime.Tests;

public class RetryTests
{
    [Fact]
    public async Task A_task_that_fails_twice_succeeds_on_its_third_attempt_with_two_retries()
    {
        var states = new StateRecorder();

        var result = await RetryFlow.RunAsync(new FlowRunOptions { OnTaskStateChanged = states.OnChanged });

        var task = result[nameof(RetryFlow.FailsTwiceWithTwoRetries)];
        Assert.Equal(TaskRunState.Success, task.State);
        Assert.Equal(3, task.Attempts);
        Assert.Equal(3, task.Result);
        Assert.Equal(
            ["Pending#0", "Running#1", "Retrying#1", "Running#2", "Retrying#2", "Running#3", "Success#3"],
            states.For(nameof(RetryFlow.FailsTwiceWithTwoRetries)));
    }

    [Fact]
    public async Task A_task_that_fails_twice_ends_failed_with_one_retry()
    {
        var states = new StateRecorder();

        var result = await RetryFlow.RunAsync(new FlowRunOptions { OnTaskStateChanged = states.OnChanged });

        var task = result[nameof(RetryFlow.FailsTwiceWithOneRetry)];
        Assert.Equal(TaskRunState.Failed, task.State);
        Assert.Equal(2, task.Attempts);
        Assert.IsType<InvalidOperationException>(task.Error);
        Assert.Equal("attempt 2 fails", task.Message);
        Assert.Null(task.Result);
        Assert.Equal(["Pending#0", "Running#1", "Retrying#1", "Running#2", "Failed#2"], states.For(nameof(RetryFlow.FailsTwiceWithOneRetry)));
        Assert.Equal(FlowRunState.Failed, result.State);
    }

    [Fact]
    public async Task A_timed_out_attempt_is_retried()
    {
        var states = new StateRecorder();

        var result = await RetryFlow.RunAsync(new FlowRunOptions { OnTaskStateChanged = states.OnChanged });

        var task = result[nameof(RetryFlow.TimesOutOnce)];
        Assert.Equal(TaskRunState.Success, task.State);
        Assert.Equal(2, task.Result);
        Assert.Equal(["Pending#0", "Running#1", "Retrying#1", "Running#2", "Success#2"], states.For(nameof(RetryFlow.TimesOutOnce)));
    }
}
