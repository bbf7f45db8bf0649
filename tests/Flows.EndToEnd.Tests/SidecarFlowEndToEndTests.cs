using System;
using System.Threading.Tasks;
using Flows.Docker.Tests.Support;

namespace Flows.EndToEnd.Tests;

/// <summary>
/// The seed 002 sample (samples/SidecarFlow) as a user runs it: <c>build --push</c> makes the flow's image, then
/// <c>run --pod-tasks local</c> runs each pod task's Pod on the real Docker engine — the sidecar writes the
/// file, the primary (the task's C# body) reads it, the container task shouts it — and removes the Pods.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class SidecarFlowEndToEndTests
{
    [DockerFact]
    public async Task The_primary_reads_what_the_sidecar_wrote_and_the_container_task_gets_it_and_nothing_is_left()
    {
        var runId = "e2e-" + Guid.NewGuid().ToString("N")[..16];
        var image = await SampleApps.RunAsync("SidecarFlow", "build", "--push");
        Assert.True(image.ExitCode == 0, image.ToString());

        var result = await SampleApps.RunAsync("SidecarFlow", "run", "--pod-tasks", "local", "--flow-run-id", runId);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("runs in pod wait-for-message-", result.Output);
        Assert.Contains("The sidecar says: hi sidecar world", result.Output);
        Assert.Contains("HI, HI SIDECAR WORLD", result.Output);
        Assert.Matches(@"WaitForMessage\s+Success\s+1", result.Output);
        Assert.Matches(@"Shout\s+Success\s+1", result.Output);
        var left = await ProcessRunner.RunAsync("docker", new[] { "ps", "--all", "--quiet", "--filter", "label=flows.local-job.flow-run-id=" + runId }, RepositoryPaths.Root, TimeSpan.FromSeconds(30));
        Assert.True(left.ExitCode == 0 && left.Output.Trim().Length == 0, "containers left: " + left);
    }
}
