using System;
using System.Threading.Tasks;
using Flows.Runtime.Tests.Fixtures;
using Flows.Runtime.Tests.Support;

namespace Flows.Runtime.Tests;

/// <summary>The seed-000 shape: the container logs are fetched even though waiting on the container failed.</summary>
public class AlwaysRunTests
{
    [Fact]
    public async Task The_always_run_task_runs_after_a_failure_with_its_input_from_an_earlier_task()
    {
        using var probe = RunProbe.Start();

        var result = await DockerShapeFlow.RunAsync(new FlowRunOptions { FlowRunId = probe.RunId });

        Assert.Equal(TaskRunState.Success, result["PullImage"].State);
        Assert.Equal("container-42", result["CreateContainer"].Result);
        Assert.Equal(["started container-42"], probe.Events);
        Assert.Equal(TaskRunState.Failed, result["WaitOnContainer"].State);
        Assert.IsType<InvalidOperationException>(result["WaitOnContainer"].Error);
        Assert.Equal(TaskRunState.Success, result["GetContainerLogs"].State);
        Assert.Equal("logs of container-42", result["GetContainerLogs"].Result);
        Assert.Equal(FlowRunState.Failed, result.State);
        Assert.False(result.IsSuccess);
    }

    [Fact]
    public void The_graph_has_the_edges_of_the_recipe()
    {
        var logs = DockerShapeFlow.Definition.GetTask("GetContainerLogs");

        Assert.Equal(TaskTrigger.AlwaysRun, logs.Trigger);
        Assert.Contains(new TaskEdge(1, TaskEdgeKind.Data, "containerId"), logs.Upstream);
        Assert.Contains(new TaskEdge(3, TaskEdgeKind.Order), logs.Upstream);
        Assert.Equal([0, 1, 2, 3, 4], DockerShapeFlow.Definition.TopologicalOrder);
    }
}
