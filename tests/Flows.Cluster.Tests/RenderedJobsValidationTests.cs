using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Flows.Cluster.Tests.Support;

namespace Flows.Cluster.Tests;

/// <summary>Scenario 2: every Job and every pod task's Pod any flow application of the repository renders passes the real API server's validation, not only the schema.</summary>
public class RenderedJobsValidationTests
{
    [ClusterFact]
    public async Task Every_rendered_job_and_pod_of_every_sample_and_lane_flow_is_accepted_by_a_server_side_dry_run()
    {
        await using var ns = await TestNamespace.CreateAsync("dry-run");
        var failures = new List<string>();
        var checkedJobs = new List<string>();
        var checkedPods = new List<string>();
        foreach (var app in FlowApp.All)
        {
            foreach (var (flow, podTasks) in await FlowsOfAsync(app))
            {
                foreach (var task in podTasks)
                {
                    var pod = await app.RunAsync("render", "--flow", flow, "--task", task, "--flow-run-id", "dry-run-1", "--namespace", ns.Name);
                    Assert.True(pod.ExitCode == 0, $"{app.Name} render --flow '{flow}' --task {task} failed:\n{pod}");
                    var podAccepted = await LaneCluster.KubectlWithFileAsync(pod.Output, "create", "--dry-run=server", "-n", ns.Name, "-o", "name");
                    if (podAccepted.ExitCode != 0)
                    {
                        failures.Add($"{app.Name} '{flow}' task {task}: the API server rejected the Pod:\n{podAccepted}\n--- rendered\n{pod.Output}");
                        continue;
                    }
                    checkedPods.Add($"{app.Name} '{flow}' {task}");
                }
                var rendered = await app.RunAsync("render", "--flow", flow, "--flow-run-id", "dry-run-1");
                if (podTasks.Count > 0 && rendered.ExitCode != 0 && rendered.Error.Contains("has no Kubernetes job environment", StringComparison.Ordinal))
                {
                    continue;   // a flow whose pod tasks run from wherever it runs, not as a Job
                }
                Assert.True(rendered.ExitCode == 0, $"{app.Name} render --flow '{flow}' failed:\n{rendered}");
                var accepted = await LaneCluster.KubectlWithFileAsync(rendered.Output, "create", "--dry-run=server", "-n", ns.Name, "-o", "json");
                if (accepted.ExitCode != 0)
                {
                    failures.Add($"{app.Name} '{flow}': the API server rejected the Job:\n{accepted}\n--- rendered\n{rendered.Output}");
                    continue;
                }
                var job = JsonNode.Parse(accepted.Output)!;
                var containers = job["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
                Assert.Equal("Job", job["kind"]!.GetValue<string>());
                Assert.NotEmpty(containers);
                Assert.All(containers, c => Assert.False(string.IsNullOrEmpty(c!["image"]?.GetValue<string>()), $"{app.Name} '{flow}': a container without image:\n{accepted.Output}"));
                checkedJobs.Add($"{app.Name} '{flow}'");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        // The samples' flows and the lane's own: a renamed or vanished flow shows here.
        Assert.Contains("HelloFlow 'Kubernetes Job Environment w/ Resource Requests & Limits'", checkedJobs);
        Assert.Contains("DockerPipeline 'Run a Prefect Flow in Docker'", checkedJobs);
        Assert.Contains("DockerPipelineOnNode 'Run a Prefect Flow in Docker'", checkedJobs);
        Assert.Contains("ClusterApp 'cluster-sidecar'", checkedJobs);
        Assert.Contains("ClusterApp 'cluster-pod-task-in-job'", checkedJobs);
        Assert.Contains("SidecarFlow 'Sidecar shared volume' WaitForMessage", checkedPods);
        Assert.Contains("SidecarFlow 'Sidecar shared volume' Shout", checkedPods);
        Assert.Contains("ClusterApp 'cluster-pod-task-in-job' InPod", checkedPods);
    }

    /// <summary>
    /// The flows an application has, from its <c>list</c> command (the lines that are not indented: "name" or
    /// "name: description"), each with its pod tasks (task lines marked "(pod task" or "(container task").
    /// </summary>
    private static async Task<IReadOnlyList<(string Flow, IReadOnlyList<string> PodTasks)>> FlowsOfAsync(FlowApp app)
    {
        var list = await app.RunAsync("list");
        Assert.True(list.ExitCode == 0, $"{app.Name} list failed:\n{list}");
        var flows = new List<(string Flow, IReadOnlyList<string> PodTasks)>();
        foreach (var line in list.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0))
        {
            if (!char.IsWhiteSpace(line[0]))
            {
                flows.Add((line.Contains(": ", StringComparison.Ordinal) ? line[..line.IndexOf(": ", StringComparison.Ordinal)] : line, new List<string>()));
            }
            else if (flows.Count > 0 && (line.Contains("  (pod task", StringComparison.Ordinal) || line.Contains("  (container task", StringComparison.Ordinal)))
            {
                ((List<string>)flows[^1].PodTasks).Add(line.Trim()[..line.Trim().IndexOf(' ')]);
            }
        }
        Assert.NotEmpty(flows);
        return flows;
    }
}
