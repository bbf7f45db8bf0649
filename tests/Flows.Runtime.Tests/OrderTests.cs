using System.Linq;
using System.Threading.Tasks;
using Flows.Runtime.Tests.Fixtures;
using Flows.Runtime.Tests.Support;

namespace Flows.Runtime.Tests;

public class OrderTests
{
    [Fact]
    public async Task Every_task_starts_after_all_its_upstream_tasks_finished()
    {
        using var probe = RunProbe.Start();

        var result = await OrderFlow.RunAsync(new FlowRunOptions { FlowRunId = probe.RunId, MaxParallelism = 4 });

        Assert.Equal(FlowRunState.Success, result.State);
        var events = probe.Events.ToList();
        Assert.Equal(2 * OrderFlow.Definition.Tasks.Count, events.Count);
        var edges = 0;
        foreach (var task in OrderFlow.Definition.Tasks)
        {
            foreach (var edge in task.Upstream)
            {
                var upstream = OrderFlow.Definition.Tasks[edge.UpstreamIndex].Name;
                Assert.True(events.IndexOf("end:" + upstream) < events.IndexOf("start:" + task.Name),
                    $"{task.Name} started before {upstream} finished: {string.Join(", ", events)}");
                edges++;
            }
        }
        Assert.Equal(6, edges);
    }

    [Fact]
    public async Task Results_are_reported_in_topological_order()
    {
        using var probe = RunProbe.Start();

        var result = await OrderFlow.RunAsync(new FlowRunOptions { FlowRunId = probe.RunId });

        Assert.Equal(["Extract", "Left", "Right", "Audit", "Load"], result.Tasks.Select(t => t.Name));
        Assert.Equal(111 + 1, result["Load"].Result);
        Assert.Equal(OrderFlow.Definition.TopologicalOrder, [0, 1, 2, 3, 4]);
    }

    [Fact]
    public void The_definition_holds_data_and_ordering_edges()
    {
        var load = OrderFlow.Definition.GetTask("Load");

        Assert.Equal(
            [new TaskEdge(1, TaskEdgeKind.Data, "left"), new TaskEdge(2, TaskEdgeKind.Data, "right"), new TaskEdge(3, TaskEdgeKind.Order)],
            load.Upstream.OrderBy(e => e.UpstreamIndex));
        Assert.Equal("int", load.ResultTypeName);
        Assert.Null(OrderFlow.Definition.GetTask("Audit").ResultTypeName);
    }
}
