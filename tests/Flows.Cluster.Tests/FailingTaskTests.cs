using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Flows.Cluster.Tests.Support;

namespace Flows.Cluster.Tests;

/// <summary>Scenario 5: a flow task that fails inside the pod.</summary>
public class FailingTaskTests
{
    [ClusterFact]
    public async Task A_failing_task_exits_1_with_the_task_and_its_error_in_the_output_and_the_pod_status_as_evidence()
    {
        var image = await FlowApp.ClusterApp.PushedImageAsync("cluster-counts");
        await using var ns = await TestNamespace.CreateAsync("fails");
        var run = new SubmitRun(FlowApp.ClusterApp, "cluster-fails", ns.Name, image);

        var result = await run.SubmitAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Matches(@"ParseRows\s+Failed", result.Output);
        Assert.Contains("row 42 of the lane's input is malformed", result.Output);
        Assert.Matches(@"ReadRows\s+Success", result.Output);
        Assert.Contains("flow container 'flow' of pod ", result.Error);
        Assert.Contains("exited with code 1", result.Error);
        var podFile = run.EvidenceFiles().SingleOrDefault(f => Path.GetFileName(f).StartsWith("pod-", StringComparison.Ordinal) && f.EndsWith(".json", StringComparison.Ordinal));
        Assert.True(podFile is not null, "no pod-*.json in the evidence:\n" + string.Join("\n", run.EvidenceFiles()) + "\n" + result);
        var pod = JsonNode.Parse(File.ReadAllText(podFile!))!;
        var flow = pod["status"]!["containerStatuses"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "flow")!;
        Assert.Equal(1, flow["state"]!["terminated"]!["exitCode"]!.GetValue<int>());
        Assert.Contains(run.EvidenceFiles(), f => Path.GetFileName(f) == "pod-" + pod["metadata"]!["name"]!.GetValue<string>() + ".flow.log");
        await LaneCluster.AssertNothingLeftAsync(ns.Name, run.Identifier, TimeSpan.FromSeconds(90));
    }
}
