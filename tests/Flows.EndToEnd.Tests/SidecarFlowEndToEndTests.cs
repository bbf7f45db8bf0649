using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Flows.Docker.Tests.Support;

namespace Flows.EndToEnd.Tests;

/// <summary>
/// The seed 002 sample (samples/SidecarFlow) as a user runs it: <c>build --push</c> makes the flow's image (the one the
/// README and docs/pod-tasks.md name), then <c>run</c> — without <c>--pod-tasks</c>, since its tasks need their Pods and
/// the engine answers, the run picks <c>local</c> and says so — runs each pod task's Pod on the real Docker engine: the
/// sidecar writes the file, the primary (the task's C# body) reads it, the container task shouts it; the Pods are removed.
/// With no engine, the same <c>run</c> does not start and says what to type.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class SidecarFlowEndToEndTests
{
    /// <summary>The flow's image as the sample's [DockerStorage] names it and the README documents it.</summary>
    private const string Image = "127.0.0.1:5000/flows/sidecar-flow:1";

    [DockerFact]
    public async Task The_primary_reads_what_the_sidecar_wrote_and_the_container_task_gets_it_and_nothing_is_left()
    {
        var runId = "e2e-" + Guid.NewGuid().ToString("N")[..16];
        var image = await SampleApps.RunAsync("SidecarFlow", "build", "--push");
        Assert.True(image.ExitCode == 0, image.ToString());
        Assert.Contains("\npushed: " + Image + "\n", image.Output.Replace("\r\n", "\n"));
        Assert.Contains(Image, System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryPaths.Root, "README.md")));

        var result = await SampleApps.RunAsync("SidecarFlow", "run", "--flow-run-id", runId);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Pod tasks WaitForMessage, Shout need their Pods: running them on the local Docker engine (--pod-tasks local;", result.Output);
        Assert.Contains("runs in pod wait-for-message-", result.Output);
        Assert.Contains("The sidecar says: hi sidecar world", result.Output);
        Assert.Contains("HI, HI SIDECAR WORLD", result.Output);
        Assert.Matches(@"WaitForMessage\s+Success\s+1", result.Output);
        Assert.Matches(@"Shout\s+Success\s+1", result.Output);
        var left = await ProcessRunner.RunAsync("docker", new[] { "ps", "--all", "--quiet", "--filter", "label=flows.local-job.flow-run-id=" + runId }, RepositoryPaths.Root, StepLimits.Command);
        Assert.True(left.ExitCode == 0 && left.Output.Trim().Length == 0, "containers left: " + left);
    }

    [Fact]
    public async Task Without_an_engine_the_run_does_not_start_and_says_what_to_type()
    {
        var result = await SampleApps.RunAsync("SidecarFlow", new Dictionary<string, string> { ["DOCKER_HOST"] = "tcp://127.0.0.1:9" }, "run");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.DoesNotContain("Running", result.Output);
        Assert.Contains("error: flow 'Sidecar shared volume' has pod tasks that cannot run in this process: WaitForMessage (its pod spec has sidecar 'secondary' and volume 'shared-data'); "
            + "Shout (a container task: it runs localhost:5000/busybox:1).", result.Error);
        Assert.Contains("Cannot reach the Docker daemon at tcp://127.0.0.1:9", result.Error);
        Assert.Contains("\n  dotnet run --project samples/SidecarFlow -- run --pod-tasks local\n", result.Error.Replace("\r\n", "\n"));
        Assert.Contains("\n  dotnet run --project samples/SidecarFlow -- run --pod-tasks in-process\n", result.Error.Replace("\r\n", "\n"));
    }
}
