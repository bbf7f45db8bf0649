using System.Threading.Tasks;
using Flows.Runtime.Tests.Fixtures;

namespace Flows.Runtime.Tests;

public class ContextTests
{
    [Fact]
    public async Task A_task_sees_its_flow_run_name_and_attempt()
    {
        var result = await ContextFlow.RunAsync(new FlowRunOptions { FlowRunId = "run-ctx-1" });

        var seen = Assert.IsType<ContextSnapshot>(result["Inspect"].Result);
        Assert.Equal("context", seen.FlowName);
        Assert.Equal("run-ctx-1", seen.FlowRunId);
        Assert.Equal("Inspect", seen.TaskName);
        Assert.Equal(1, seen.Attempt);
        Assert.Equal("run-ctx-1", result.FlowRunId);
    }

    [Fact]
    public async Task The_environment_carries_the_run_context_for_child_processes()
    {
        var result = await ContextFlow.RunAsync(new FlowRunOptions { FlowRunId = "run-ctx-2" });

        var environment = Assert.IsType<ContextSnapshot>(result["Inspect"].Result).Environment;
        Assert.Equal("run-ctx-2", environment[FlowContextVariables.FlowRunId]);
        Assert.Equal("context", environment[FlowContextVariables.FlowName]);
        Assert.Equal("Inspect", environment[FlowContextVariables.TaskName]);
        Assert.Equal("1", environment[FlowContextVariables.TaskRunAttempt]);
        Assert.Equal("FLOWS__CONTEXT__FLOW_RUN_ID", FlowContextVariables.FlowRunId);
    }

    [Fact]
    public async Task A_retry_sees_its_attempt_number()
    {
        var result = await ContextFlow.RunAsync(new FlowRunOptions { FlowRunId = "run-ctx-3" });

        var seen = Assert.IsType<ContextSnapshot>(result["InspectOnRetry"].Result);
        Assert.Equal(2, seen.Attempt);
        Assert.Equal("InspectOnRetry", seen.TaskName);
        Assert.Equal("2", seen.Environment[FlowContextVariables.TaskRunAttempt]);
    }
}
