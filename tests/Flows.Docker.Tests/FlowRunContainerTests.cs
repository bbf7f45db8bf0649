using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Flows.Docker.Tests.Fixtures;
using Flows.Docker.Tests.Support;

namespace Flows.Docker.Tests;

/// <summary>The seed 000 graph as a flow on the real engine: labels, a failing wait, always_run logs, clean-up at run end.</summary>
public sealed class FlowRunContainerTests
{
    private static Task<FlowRunResult> RunAsync(string runId, string command, ContainerCleanup cleanup = ContainerCleanup.WhenRunFailsOrIsCancelled, string dockerUrl = "", CancellationToken cancellationToken = default) =>
        ContainerLifecycleFlow.RunAsync(new FlowRunOptions
        {
            FlowRunId = runId,
            Parameters = FlowParameterValues.From(("command", command), ("cleanup", cleanup.ToString()), ("docker_url", dockerUrl)),
        }, cancellationToken);

    [DockerFact]
    public async Task A_successful_run_labels_its_container_with_the_run_and_task_and_by_default_leaves_it()
    {
        var runId = TestEngine.NewRunId();
        var result = await RunAsync(runId, "echo inner-output").WaitAsync(TestEngine.HangGuard);

        Assert.Equal(FlowRunState.Success, result.State);
        Assert.Equal(0L, result["WaitOnContainer"].Result);
        Assert.Equal("inner-output\n", ((ContainerLogs)result["GetContainerLogs"].Result!).Stdout);
        using var docker = await TestEngine.ConnectAsync();
        var id = Assert.Single(await docker.FindContainersOfRunAsync(runId));
        var labels = (await docker.Client.Containers.InspectContainerAsync(id)).Config!.Labels;
        Assert.Equal(runId, labels[FlowsContainerLabels.FlowRunId]);
        Assert.Equal("CreateContainer", labels[FlowsContainerLabels.TaskName]);
        Assert.Equal("Container lifecycle", labels[FlowsContainerLabels.FlowName]);
        await docker.RemoveContainerAsync(id);
    }

    [DockerFact]
    public async Task A_non_zero_exit_fails_the_wait_task_the_always_run_logs_task_still_returns_the_logs_and_the_container_is_removed()
    {
        var runId = TestEngine.NewRunId();
        var result = await RunAsync(runId, "echo before-failure; echo why >&2; exit 3").WaitAsync(TestEngine.HangGuard);

        Assert.Equal(FlowRunState.Failed, result.State);
        Assert.Equal(TaskRunState.Failed, result["WaitOnContainer"].State);
        Assert.Equal(3, Assert.IsType<ContainerExitCodeException>(result["WaitOnContainer"].Error).ExitCode);
        Assert.Equal(TaskRunState.Success, result["GetContainerLogs"].State);
        var logs = (ContainerLogs)result["GetContainerLogs"].Result!;
        Assert.Equal("before-failure\n", logs.Stdout);
        Assert.Equal("why\n", logs.Stderr);
        using var docker = await TestEngine.ConnectAsync();
        Assert.Empty(await docker.FindContainersOfRunAsync(runId));
    }

    [DockerFact]
    public async Task Cancelling_a_run_removes_the_containers_it_created()
    {
        var runId = TestEngine.NewRunId();
        using var cancellation = new CancellationTokenSource();
        var run = RunAsync(runId, "echo started; sleep 60", cancellationToken: cancellation.Token);
        using var docker = await TestEngine.ConnectAsync();
        await WaitUntilRunningAsync(docker, runId);

        cancellation.Cancel();
        var result = await run.WaitAsync(TestEngine.HangGuard);

        Assert.Equal(FlowRunState.Cancelled, result.State);
        Assert.Equal(TaskRunState.Cancelled, result["WaitOnContainer"].State);
        Assert.Equal(TaskRunState.Success, result["GetContainerLogs"].State);
        Assert.Equal("started\n", ((ContainerLogs)result["GetContainerLogs"].Result!).Stdout);
        Assert.Empty(await docker.FindContainersOfRunAsync(runId));
    }

    [DockerFact]
    public async Task WhenRunEnds_removes_the_container_after_a_successful_run_too()
    {
        var runId = TestEngine.NewRunId();
        var result = await RunAsync(runId, "echo short-lived", ContainerCleanup.WhenRunEnds).WaitAsync(TestEngine.HangGuard);

        Assert.Equal(FlowRunState.Success, result.State);
        Assert.Equal("short-lived\n", ((ContainerLogs)result["GetContainerLogs"].Result!).Stdout);
        using var docker = await TestEngine.ConnectAsync();
        Assert.Empty(await docker.FindContainersOfRunAsync(runId));
    }

    [DockerFact]
    public async Task Never_keeps_the_container_of_a_failed_run()
    {
        var runId = TestEngine.NewRunId();
        var result = await RunAsync(runId, "exit 1", ContainerCleanup.Never).WaitAsync(TestEngine.HangGuard);

        Assert.Equal(FlowRunState.Failed, result.State);
        using var docker = await TestEngine.ConnectAsync();
        var id = Assert.Single(await docker.FindContainersOfRunAsync(runId));
        await docker.RemoveContainerAsync(id);
    }

    [DockerFact(Url = TestEngine.TcpUrl)]
    public async Task The_flow_runs_against_the_tcp_url_and_cleans_up_there()
    {
        var runId = TestEngine.NewRunId();
        var result = await RunAsync(runId, "echo via-tcp; exit 2", dockerUrl: TestEngine.TcpUrl).WaitAsync(TestEngine.HangGuard);

        Assert.Equal(TaskRunState.Failed, result["WaitOnContainer"].State);
        Assert.Equal("via-tcp\n", ((ContainerLogs)result["GetContainerLogs"].Result!).Stdout);
        using var docker = await TestEngine.ConnectAsync(TestEngine.TcpUrl);
        Assert.Empty(await docker.FindContainersOfRunAsync(runId));
    }

    [DockerFact]
    public async Task PassFlowContext_hands_the_run_s_FLOWS__CONTEXT_variables_to_the_container()
    {
        var runId = TestEngine.NewRunId();
        var result = await FlowContextInContainerFlow.RunAsync(new FlowRunOptions { FlowRunId = runId }).WaitAsync(TestEngine.HangGuard);

        Assert.Equal(FlowRunState.Success, result.State);
        var printed = ((string)result["PrintContext"].Result!).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"FLOWS__CONTEXT__FLOW_RUN_ID={runId}", printed);
        Assert.Contains("FLOWS__CONTEXT__FLOW_NAME=Flow context in a container", printed);
        Assert.Contains("FLOWS__CONTEXT__TASK_NAME=PrintContext", printed);
    }

    internal static async Task WaitUntilRunningAsync(DockerEngine docker, string runId)
    {
        using var limit = new CancellationTokenSource(TestEngine.HangGuard);
        while (true)
        {
            foreach (var id in await docker.FindContainersOfRunAsync(runId, limit.Token))
            {
                var state = (await docker.Client.Containers.InspectContainerAsync(id, limit.Token)).State!;
                if (state.Running)
                {
                    return;
                }
            }
            await Task.Delay(100, limit.Token);
        }
    }
}
