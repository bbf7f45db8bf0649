using System.IO;
using System.Threading.Tasks;
using Flows.Docker.LocalJobs.Running;
using Flows.Docker.Tests.Support;
using Flows.Manifests;
using Flows.Storage.Tests.Support;

namespace Flows.Storage.Tests;

/// <summary>
/// The whole path without a cluster: build → push → render → pull → run. The image is removed locally after
/// the push, so run-job-locally pulls it back from 127.0.0.1:5000, and runs the pod of exactly the Job
/// 'render --image' printed, as a kubelet would.
/// </summary>
[Trait("Category", "Docker")]
[Collection(PushedImageCollection.Name)]
public sealed class LocalPodTests(PushedImageFixture fixture)
{
    [DockerFact]
    public async Task The_rendered_Job_runs_on_the_local_engine_from_the_pushed_image()
    {
        var image = PushedImageFixture.Line(fixture.ImageBuild, "image");
        await DockerCli.RunAsync("rmi", image);

        var (run, identifier) = await RunPodAsync(StorageApp.Succeeds, image, "local-pod-succeeds");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(StorageApp.ExpectedLine, run.Output);
        Assert.Contains("run local-pod-succeeds: Success", run.Output);
        await AssertNothingLeftAsync(identifier);
    }

    [DockerFact]
    public async Task A_failing_flow_fails_the_local_pod()
    {
        var image = PushedImageFixture.Line(fixture.ImageBuild, "image");

        var (run, identifier) = await RunPodAsync(StorageApp.Fails, image, "local-pod-fails");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("this task fails on purpose", run.All);
        Assert.Matches(@"Fail\s+Failed", run.Output);
        await AssertNothingLeftAsync(identifier);
    }

    private static async Task<(Flows.EndToEnd.Tests.ProcessResult Run, string Identifier)> RunPodAsync(string flow, string image, string flowRunId)
    {
        var render = await StorageApp.RunAsync("render", "--flow", flow, "--image", image, "--flow-run-id", flowRunId);
        Assert.True(render.ExitCode == 0, render.ToString());
        var jobFile = Path.Combine(Directory.CreateTempSubdirectory("flows-local-pod-").FullName, "job.yaml");
        await File.WriteAllTextAsync(jobFile, render.Output);

        var run = await StorageApp.RunAsync("run-job-locally", "--file", jobFile);
        return (run, KubernetesRunInfo.IdentifierFor(flowRunId));
    }

    private static async Task AssertNothingLeftAsync(string identifier)
    {
        var containers = await DockerCli.RunAsync("ps", "-a", "-q", "--filter", $"label={LocalJobLabels.Identifier}={identifier}");
        var volumes = await DockerCli.RunAsync("volume", "ls", "-q", "--filter", $"label={LocalJobLabels.Identifier}={identifier}");
        Assert.Equal("", containers.Output.Trim());
        Assert.Equal("", volumes.Output.Trim());
    }
}
