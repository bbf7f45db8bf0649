using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Flows.Cluster.Tests.Support;

namespace Flows.Cluster.Tests;

/// <summary>Scenario 2: every Job any flow application of the repository renders passes the real API server's validation, not only the schema.</summary>
public class RenderedJobsValidationTests
{
    [ClusterFact]
    public async Task Every_rendered_job_of_every_sample_and_lane_flow_is_accepted_by_a_server_side_dry_run()
    {
        await using var ns = await TestNamespace.CreateAsync("dry-run");
        var failures = new List<string>();
        var checkedJobs = new List<string>();
        foreach (var app in FlowApp.All)
        {
            foreach (var flow in await FlowsOfAsync(app))
            {
                var rendered = await app.RunAsync("render", "--flow", flow, "--flow-run-id", "dry-run-1");
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
    }

    /// <summary>The flows an application has, from its <c>list</c> command: the lines that are not indented, "name" or "name: description".</summary>
    private static async Task<IReadOnlyList<string>> FlowsOfAsync(FlowApp app)
    {
        var list = await app.RunAsync("list");
        Assert.True(list.ExitCode == 0, $"{app.Name} list failed:\n{list}");
        var flows = list.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !char.IsWhiteSpace(l[0]))
            .Select(l => l.Contains(": ", StringComparison.Ordinal) ? l[..l.IndexOf(": ", StringComparison.Ordinal)] : l).ToList();
        Assert.NotEmpty(flows);
        return flows;
    }
}
