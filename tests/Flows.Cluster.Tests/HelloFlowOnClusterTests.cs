using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Flows.Cluster.Tests.Support;

namespace Flows.Cluster.Tests;

/// <summary>Scenario 1: the seed 001 flow (samples/HelloFlow) as a Job on the real cluster, from its own pushed image.</summary>
public class HelloFlowOnClusterTests
{
    private const string Flow = "Kubernetes Job Environment w/ Resource Requests & Limits";

    [ClusterFact]
    public async Task Submit_runs_the_generated_entrypoint_in_the_flow_image_streams_task_states_and_log_exits_0_and_leaves_nothing()
    {
        var image = await FlowApp.HelloFlow.PushedImageAsync(Flow);
        await using var ns = await TestNamespace.CreateAsync("hello");
        var run = new SubmitRun(FlowApp.HelloFlow, Flow, ns.Name, image);

        var result = await run.SubmitAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        // The flow's own output, through the pod's log: task states as they change and the task's line.
        Assert.Contains("Example!", result.Output.Split('\n').Select(l => l.TrimEnd('\r')));
        Assert.Matches(@"GetValue\b.*Success", result.Output);
        Assert.Matches(@"OutputValue\b.*Success", result.Output);
        // The generated entrypoint ran in the pod with the run's id (FLOWS__CONTEXT__FLOW_RUN_ID from the patched Job) ...
        Assert.Contains($"Flow '{Flow}' run {run.FlowRunId}: Success", result.Output);
        // ... in the pushed flow image (the kubelet's events outlive the pod).
        var events = await LaneEvents.ListAsync(ns.Name);
        Assert.Matches(@"flow-container\}\s+Pulled\s+.*" + Regex.Escape($"\"{image}\""), events);
        Assert.Contains("The run succeeded: flow container 'flow-container' of pod ", result.Error);
        Assert.Contains("(propagationPolicy=Background)", result.Error);
        await LaneCluster.AssertNothingLeftAsync(ns.Name, run.Identifier, TimeSpan.FromSeconds(90));
        Assert.Empty(run.EvidenceFiles());
    }
}
