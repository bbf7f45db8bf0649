using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Flows.Cluster.Tests.Support;
using Flows.EndToEnd.Tests;

namespace Flows.Cluster.Tests;

/// <summary>
/// Scenario 7: the seed 000 flow on the cluster. Privileged containers cannot start in this sandbox, so its
/// dind sidecar (samples/DockerPipeline) is checked as a Job the real API server accepts, and the same flow runs
/// as samples/DockerPipelineOnNode, whose job spec mounts the node's Docker socket.
/// </summary>
public class DockerPipelineOnClusterTests
{
    private const string Flow = "Run a Prefect Flow in Docker";

    [ClusterFact]
    public async Task The_dind_variant_renders_a_job_with_its_privileged_sidecar_that_the_real_api_server_accepts()
    {
        await using var ns = await TestNamespace.CreateAsync("dind");
        var rendered = await FlowApp.DockerPipeline.RunAsync("render", "--flow-run-id", "dind-1");
        Assert.True(rendered.ExitCode == 0, rendered.ToString());

        var accepted = await LaneCluster.KubectlWithFileAsync(rendered.Output, "create", "--dry-run=server", "-n", ns.Name, "-o", "json");

        Assert.True(accepted.ExitCode == 0, $"the API server rejected the dind Job:\n{accepted}\n--- rendered\n{rendered.Output}");
        var containers = JsonNode.Parse(accepted.Output)!["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal(["flow-container", "dind-daemon"], containers.Select(c => c!["name"]!.GetValue<string>()));
        Assert.True(containers[1]!["securityContext"]!["privileged"]!.GetValue<bool>(), accepted.Output);
        Assert.Equal("tcp://localhost:2375", containers[0]!["env"]!.AsArray().Single(e => e!["name"]!.GetValue<string>() == "DOCKER_HOST")!["value"]!.GetValue<string>());
    }

    [ClusterFact]
    public async Task The_node_socket_variant_warns_at_build_time_about_the_docker_socket_mount()
    {
        // Compile the sample again (its references are built) so that the generator's diagnostics are printed.
        var build = await ProcessRunner.RunAsync("dotnet",
            ["build", FlowApp.DockerPipelineOnNode.ProjectFolder, "--no-incremental", "--no-restore", "-p:BuildProjectReferences=false", "--nologo"],
            FlowApp.DockerPipelineOnNode.ProjectFolder, TimeSpan.FromMinutes(5));

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Matches(@"job_spec\.yaml\(\d+,\d+\): warning FLOW043: .*mounts the node's Docker socket \(hostPath /var/run/docker.sock\)", build.Output);
    }

    [ClusterFact]
    public async Task The_node_socket_variant_runs_on_the_cluster_and_its_docker_tasks_create_run_and_remove_their_container()
    {
        var image = await FlowApp.DockerPipelineOnNode.PushedImageAsync(Flow);
        await using var ns = await TestNamespace.CreateAsync("docker-node");
        var run = new SubmitRun(FlowApp.DockerPipelineOnNode, Flow, ns.Name, image);
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var result = await run.SubmitAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("hello from the inner container", result.Output);
        foreach (var task in new[] { "PullImage", "CreateContainer", "StartContainer", "WaitOnContainer", "GetContainerLogs" })
        {
            Assert.Matches($@"{task}\s+Success", result.Output);
        }
        // The node's engine saw the inner container of this run (Flows.Docker's run label) live and die.
        var until = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var events = await LaneCluster.DockerAsync("events", "--since", since, "--until", until, "--filter", "type=container",
            "--filter", "label=flows.flow-run-id=" + run.FlowRunId, "--format", "{{.Action}}");
        Assert.True(events.ExitCode == 0, events.ToString());
        var actions = events.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var action in new[] { "create", "start", "die", "destroy" })
        {
            Assert.True(actions.Contains(action), $"no '{action}' event for the inner container of run {run.FlowRunId}:\n{events}\n{result}");
        }
        var left = await LaneCluster.DockerAsync("ps", "-a", "--filter", "label=flows.flow-run-id=" + run.FlowRunId, "--format", "{{.Names}}");
        Assert.True(left.Output.Trim().Length == 0, "the inner container is still there:\n" + left);
        await LaneCluster.AssertNothingLeftAsync(ns.Name, run.Identifier, TimeSpan.FromSeconds(90));
    }
}
