using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Flows.Cluster.Tests.Support;

namespace Flows.Cluster.Tests;

/// <summary>Scenario 3: an image the registry does not have.</summary>
public class MissingImageTests
{
    private const string Flow = "Kubernetes Job Environment w/ Resource Requests & Limits";

    [ClusterFact]
    public async Task A_missing_image_is_reported_with_its_name_within_30_seconds_with_evidence_exit_1_and_nothing_left()
    {
        const string missing = "127.0.0.1:5000/flows/no-such-image:lane";
        await using var ns = await TestNamespace.CreateAsync("no-image");
        var run = new SubmitRun(FlowApp.HelloFlow, Flow, ns.Name, missing);

        var started = Stopwatch.StartNew();
        using var submit = run.Start();
        await submit.WaitForErrorAsync($"cannot pull image '{missing}'", TimeSpan.FromSeconds(30));
        var reportedAfter = started.Elapsed;
        var result = await submit.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 1, result.ToString());
        var report = result.Error.Split('\n').Single(l => l.Contains($"cannot pull image '{missing}'", StringComparison.Ordinal));
        Assert.Matches("^error: pod [^ ]+: (ErrImagePull|ImagePullBackOff): container 'flow-container'", report);
        Assert.True(reportedAfter < TimeSpan.FromSeconds(30), $"reported after {reportedAfter}");
        var files = run.EvidenceFiles().Select(Path.GetFileName).ToList();
        Assert.Contains("summary.txt", files);
        Assert.Contains("job.yaml", files);
        Assert.Contains(files, f => f!.StartsWith("pod-", StringComparison.Ordinal) && f.EndsWith(".json", StringComparison.Ordinal));
        var summary = File.ReadAllText(run.EvidenceFiles().Single(f => Path.GetFileName(f) == "summary.txt"));
        Assert.Contains(missing, summary);
        Assert.Contains(run.EvidenceRoot, result.Error);
        await LaneCluster.AssertNothingLeftAsync(ns.Name, run.Identifier, TimeSpan.FromSeconds(90));
    }
}
