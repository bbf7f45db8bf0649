using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Flows.Cluster.Tests.Support;

namespace Flows.Cluster.Tests;

/// <summary>Scenario 6: faults while submit follows a run (the fixture flow that prints "count 1".."count N", one a second).</summary>
public class WatchedRunFaultTests
{
    private static async Task<SubmitRun> CountingRunAsync(TestNamespace ns) =>
        new(FlowApp.ClusterApp, "cluster-counts", ns.Name, await FlowApp.ClusterApp.PushedImageAsync("cluster-counts"));

    [ClusterFact]
    public async Task The_api_server_stopped_for_20_seconds_mid_run_the_run_finishes_with_every_log_line_once_in_order()
    {
        await using var ns = await TestNamespace.CreateAsync("apiserver");
        var run = await CountingRunAsync(ns);
        const int count = 45;   // the flow's default: submit runs the flow with its defaults

        using var submit = run.Start();
        await submit.WaitForOutputAsync("count 5\n", TimeSpan.FromMinutes(2));
        await ApiServerProcess.StopAsync();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(20));
        }
        finally
        {
            await ApiServerProcess.StartAsync();
        }
        var result = await submit.WaitAsync(TimeSpan.FromMinutes(5));

        Assert.True(result.ExitCode == 0, result.ToString());
        var counted = result.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("count ", StringComparison.Ordinal)).ToList();
        Assert.True(Enumerable.Range(1, count).Select(i => $"count {i}").SequenceEqual(counted),
            $"the followed log has a gap or a repeated line:\n{string.Join("\n", counted)}\n{result}");
        await LaneCluster.AssertNothingLeftAsync(ns.Name, run.Identifier, TimeSpan.FromSeconds(90));
    }

    [ClusterFact]
    public async Task The_pod_deleted_mid_run_fails_the_run_with_that_reason_without_hanging()
    {
        await using var ns = await TestNamespace.CreateAsync("pod-deleted");
        var run = await CountingRunAsync(ns);

        using var submit = run.Start();
        await submit.WaitForOutputAsync("count 3\n", TimeSpan.FromMinutes(2));
        var deleted = await LaneCluster.KubectlAsync("delete", "pods", "-n", ns.Name, "-l", "identifier=" + run.Identifier, "--wait=false");
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        var result = await submit.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.True(Regex.IsMatch(result.Error, @"error: pod \S+: PodDeleted"), result.ToString());
        Assert.False(result.Output.Contains("count 45", StringComparison.Ordinal), result.ToString());
        // The kubelet's answer for the removed container's log is not a line of the flow's log.
        Assert.False(result.Output.Contains("unable to retrieve container logs", StringComparison.Ordinal), result.ToString());
        await LaneCluster.AssertNothingLeftAsync(ns.Name, run.Identifier, TimeSpan.FromSeconds(90));
    }

    [ClusterFact]
    public async Task Sigterm_to_submit_deletes_the_job_and_its_pods_says_so_and_exits_130()
    {
        await using var ns = await TestNamespace.CreateAsync("sigterm");
        var run = await CountingRunAsync(ns);

        using var submit = run.Start();
        await submit.WaitForOutputAsync("count 3\n", TimeSpan.FromMinutes(2));
        await ApiServerProcess.SignalAsync("TERM", submit.Id);
        var result = await submit.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.Contains("Interrupted (Ctrl+C or SIGTERM) while Job ", result.Error);
        Assert.Contains("Deleted after the interruption Job ", result.Error);
        await LaneCluster.AssertNothingLeftAsync(ns.Name, run.Identifier, TimeSpan.FromSeconds(90));
    }

    [ClusterFact]
    public async Task Sigterm_to_submit_with_keep_keeps_the_job_running_and_names_the_cleanup_that_removes_it()
    {
        await using var ns = await TestNamespace.CreateAsync("sigterm-keep");
        var run = await CountingRunAsync(ns);

        using var submit = run.Start("--keep");
        await submit.WaitForOutputAsync("count 3\n", TimeSpan.FromMinutes(2));
        await ApiServerProcess.SignalAsync("TERM", submit.Id);
        var result = await submit.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.Contains("(--keep): it goes on running. Remove it with: ", result.Error);
        var kept = await LaneCluster.KubectlAsync("get", "pods", "-n", ns.Name, "-l", "identifier=" + run.Identifier, "-o", "jsonpath={.items[*].status.phase}");
        Assert.True(kept.Output.Trim() == "Running", $"the kept run's pod is not Running:\n{kept}\n{result}");
        var cleanup = await FlowApp.ClusterApp.RunAsync("cleanup", "--flow-run-id", run.FlowRunId, "--namespace", ns.Name);
        Assert.True(cleanup.ExitCode == 0, cleanup.ToString());
        Assert.Contains($"deleted job {ns.Name}/", cleanup.Output);
        await LaneCluster.AssertNothingLeftAsync(ns.Name, run.Identifier, TimeSpan.FromSeconds(90));
    }
}
