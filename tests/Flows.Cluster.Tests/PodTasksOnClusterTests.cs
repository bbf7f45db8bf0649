using System;
using System.Threading.Tasks;
using Flows.Cluster.Tests.Support;

namespace Flows.Cluster.Tests;

/// <summary>
/// Scenario 8: pod tasks with sidecars on the real cluster. The seed 002 sample's sidecar never ends (sleep 3600), so
/// a task that ends at all ended with its primary container; then its Pod is deleted.
/// </summary>
public class PodTasksOnClusterTests
{
    private const string SidecarFlow = "Sidecar shared volume";
    private const string InJobFlow = "cluster-pod-task-in-job";

    [ClusterFact]
    public async Task The_seed_002_pod_task_ends_when_its_primary_ends_while_the_sidecar_runs_and_its_pods_are_deleted()
    {
        var image = await FlowApp.SidecarFlow.PushedImageAsync(SidecarFlow);
        await using var ns = await TestNamespace.CreateAsync("sidecar-task");
        var flowRunId = "lane-" + Guid.NewGuid().ToString("N")[..12];

        var result = await FlowApp.SidecarFlow.RunAsync(TimeSpan.FromMinutes(4),
            "run", "--pod-tasks", "kubernetes", "--namespace", ns.Name, "--image", image, "--flow-run-id", flowRunId);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Task WaitForMessage runs in pod wait-for-message-", result.Output);
        Assert.Contains("on Kubernetes", result.Output);
        Assert.Contains("The sidecar says: hi sidecar world", result.Output);
        Assert.Contains("HI, HI SIDECAR WORLD", result.Output);
        Assert.Matches(@"WaitForMessage\s+Success\s+1", result.Output);
        Assert.Matches(@"Shout\s+Success\s+1", result.Output);
        await LaneCluster.AssertNothingLeftAsync(ns.Name, Flows.Manifests.KubernetesRunInfo.IdentifierFor(flowRunId), TimeSpan.FromSeconds(90));
    }

    [ClusterFact]
    public async Task A_flow_job_creates_its_pod_task_from_inside_the_cluster_with_the_rbac_render_prints_and_gets_its_record_back()
    {
        var image = await FlowApp.ClusterApp.PushedImageAsync(InJobFlow);
        await using var ns = await TestNamespace.CreateAsync("pod-in-job");
        var rbac = await FlowApp.ClusterApp.RunAsync("render", "--flow", InJobFlow, "--rbac", "--namespace", ns.Name);
        Assert.True(rbac.ExitCode == 0, rbac.ToString());
        var applied = await LaneCluster.KubectlWithFileAsync(rbac.Output, "apply", "--namespace", ns.Name);
        Assert.True(applied.ExitCode == 0, "the real API server refused the Role and RoleBinding:\n" + applied + "\n" + rbac.Output);
        var run = new SubmitRun(FlowApp.ClusterApp, InJobFlow, ns.Name, image);

        var result = await run.SubmitAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Task InPod runs in pod in-pod-", result.Output);
        Assert.Contains("on Kubernetes", result.Output);
        Assert.Contains("pod-task-report: pod=in-pod-", result.Output);
        Assert.Contains("value=21 sidecar=sidecar-ready", result.Output);
        await LaneCluster.AssertNothingLeftAsync(ns.Name, run.Identifier, TimeSpan.FromSeconds(90));
    }
}
