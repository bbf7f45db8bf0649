using System;
using System.Threading.Tasks;
using Flows.Cluster.Tests.Support;

namespace Flows.Cluster.Tests;

/// <summary>
/// Scenario 4, the sidecar trap for real: the job spec's second container never ends (the seed 000 shape).
/// Kubernetes 1.20 has no native sidecars: the pod stays Running and the Job never completes, so the run can
/// only end because submit watches the flow container.
/// </summary>
public class SidecarTrapTests
{
    [ClusterFact]
    public async Task The_run_ends_when_the_flow_container_ends_reports_its_result_and_cleans_up_while_the_sidecar_still_runs()
    {
        var image = await FlowApp.ClusterApp.PushedImageAsync("cluster-counts");
        await using var ns = await TestNamespace.CreateAsync("sidecar");
        var run = new SubmitRun(FlowApp.ClusterApp, "cluster-sidecar", ns.Name, image);

        var result = await run.SubmitAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("the flow is done; its sidecar is not", result.Output);
        Assert.Contains("'forever' still running", result.Error);
        Assert.Contains("The run succeeded: flow container 'flow' of pod ", result.Error);
        // The Job itself never completed: the kubelet started the sidecar and nothing ended it but the deletion.
        var events = await LaneEvents.ListAsync(ns.Name);
        Assert.Matches(@"forever\}\s+Started", events);
        Assert.DoesNotMatch(@"Job\s+\S+\s+\S+\s+Completed", events);
        await LaneCluster.AssertNothingLeftAsync(ns.Name, run.Identifier, TimeSpan.FromSeconds(90));
    }
}
