namespace Flows.Runtime.Tests.PodTasks;

/// <summary>What the generator emits about pod tasks into the flow's definition and executor.</summary>
public class PodTaskDefinitionTests
{
    [Fact]
    public void Pod_tasks_carry_their_kind_spec_file_primary_and_result_mode()
    {
        var flow = PodTaskFlow.Definition;

        Assert.Null(flow.GetTask(nameof(PodTaskFlow.Greeting)).Pod);
        var sidecar = flow.GetTask(nameof(PodTaskFlow.WaitForMessage)).Pod!;
        Assert.Equal(PodTaskKind.Sidecar, sidecar.Kind);
        Assert.Equal("PodTasks/fixtures/shared-volume.pod.yaml", sidecar.PodSpecFile);
        Assert.Equal("primary", sidecar.PrimaryContainerName);
        Assert.Equal("wait-for-message", sidecar.PodBaseName);
        Assert.Null(sidecar.Image);
        var container = flow.GetTask(nameof(PodTaskFlow.Shout)).Pod!;
        Assert.Equal(PodTaskKind.Container, container.Kind);
        Assert.Equal("task", container.PrimaryContainerName);
        Assert.Equal("localhost:5000/busybox:1", container.Image);
        Assert.True(container.ResultIsLog);
        Assert.False(flow.GetTask(nameof(PodTaskFlow.ImageDefaults)).Pod!.ResultIsLog);
    }

    [Fact]
    public void The_executor_reads_a_tasks_inputs_and_writes_them_back_with_its_own_flow_parameters()
    {
        var flow = PodTaskFlow.Definition;
        var wait = flow.GetTask(nameof(PodTaskFlow.WaitForMessage)).Index;
        var executor = (ITaskDataTransfer)flow.CreateExecutor(FlowParameterValues.From(("suffix", "?")));

        executor.ReadInputs(wait, """{"greeting":"hi \"there\"","count":3,"suffix":"ignored: flow parameters come from --param"}""");

        var written = executor.WriteInputs(wait);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse("""{"greeting":"hi \"there\"","count":3,"suffix":"?"}"""),
            System.Text.Json.Nodes.JsonNode.Parse(written)), written);
        Assert.Equal("{}", executor.WriteInputs(flow.GetTask(nameof(PodTaskFlow.Greeting)).Index));
    }

    [Fact]
    public void Results_go_out_and_come_back_as_json_and_a_container_tasks_result_is_its_log()
    {
        var flow = PodTaskFlow.Definition;
        var executor = flow.CreateExecutor(FlowParameterValues.Empty);
        var transfer = (ITaskDataTransfer)executor;
        var added = flow.GetTask(nameof(PodTaskFlow.AddedPrimary)).Index;
        var shout = flow.GetTask(nameof(PodTaskFlow.Shout)).Index;

        transfer.ReadResult(added, "42");
        transfer.ReadResult(shout, "\"line 1\\nline 2\"");

        Assert.Equal("42", transfer.WriteResult(added));
        Assert.Equal(42, executor.GetResult(added));
        Assert.Equal("line 1\nline 2", executor.GetResult(shout));
        Assert.Null(transfer.WriteResult(flow.GetTask(nameof(PodTaskFlow.Configure)).Index));
    }

    [Fact]
    public void Inputs_without_a_value_fail_with_the_task_and_input_named()
    {
        var flow = PodTaskFlow.Definition;
        var transfer = (ITaskDataTransfer)flow.CreateExecutor(FlowParameterValues.Empty);

        var error = Assert.Throws<PodTaskException>(() => transfer.ReadInputs(flow.GetTask(nameof(PodTaskFlow.WaitForMessage)).Index, """{"greeting":"hi"}"""));

        Assert.Contains("'WaitForMessage'", error.Message);
        Assert.Contains("'count'", error.Message);
    }

    [Fact]
    public void Calling_a_container_task_directly_says_it_runs_as_a_container()
    {
        var error = Assert.Throws<System.NotSupportedException>(() => PodTaskFlow.Shout("hi", 1));

        Assert.Contains("localhost:5000/busybox:1", error.Message);
    }
}
