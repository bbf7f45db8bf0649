using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;
using Flows.Cli;
using Flows.Docker.Tests.Support;

namespace Flows.Docker.Tests.LocalJobs;

/// <summary>Images come from their registry when the engine lacks them, as imagePullPolicy says.</summary>
public sealed class ImageTests
{
    [DockerFact]
    public async Task An_image_the_engine_does_not_have_is_pulled_from_its_registry()
    {
        // The busybox image of the local registry under another name, which the engine has not pulled under that name.
        const string image = "127.0.0.1:5000/busybox:1";
        using var docker = await TestEngine.ConnectAsync();
        await UntagAsync(docker, image);
        var identifier = LocalJobCli.NewIdentifier();
        try
        {
            var result = await LocalJobCli.RunAsync(LocalJobCli.Job(identifier, $"""
                containers:
                - name: main
                  image: {image}
                  command: ["echo", "pulled and ran"]
                """));

            Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
            Assert.Contains($"Pulling {image}...", result.Error);
            Assert.Equal(["pulled and ran"], result.OutputLines);
        }
        finally
        {
            await UntagAsync(docker, image);
        }
        await LocalJobCli.AssertNothingLeftAsync(identifier);
    }

    [DockerFact]
    public async Task A_missing_image_fails_the_run_before_anything_is_created()
    {
        var identifier = LocalJobCli.NewIdentifier();
        var result = await LocalJobCli.RunAsync(LocalJobCli.Job(identifier, """
            containers:
            - name: main
              image: localhost:5000/never-pushed:1
            - name: other
              image: localhost:5000/never-pulled:1
              imagePullPolicy: Never
            volumes:
            - name: scratch
              emptyDir: {}
            """));

        Assert.True(result.ExitCode == ExitCodes.Failed, result.ToString());
        Assert.Contains("error: the run failed: Could not pull localhost:5000/never-pushed:1", result.Error);
        await LocalJobCli.AssertNothingLeftAsync(identifier);

        var never = await LocalJobCli.RunAsync(LocalJobCli.Job(identifier, """
            containers:
            - name: other
              image: localhost:5000/never-pulled:1
              imagePullPolicy: Never
            """));

        Assert.True(never.ExitCode == ExitCodes.Failed, never.ToString());
        Assert.Contains("the engine does not have image localhost:5000/never-pulled:1, and its imagePullPolicy is Never.", never.Error);
    }

    [DockerFact]
    public async Task Without_a_pull_policy_a_latest_or_untagged_image_is_pulled_every_time_as_Kubernetes_does()
    {
        // The engine has these images under these names (tagged here, never pushed): IfNotPresent would run them, but the
        // API server defaults imagePullPolicy to Always for :latest and for no tag, so the cluster would pull, and fail.
        using var docker = await TestEngine.ConnectAsync();
        var repository = "localhost:5000/flows-local-only-" + LocalJobCli.NewIdentifier();
        await docker.Client.Images.TagImageAsync(TestEngine.Image, new ImageTagParameters { RepositoryName = repository, Tag = "latest" });
        await docker.Client.Images.TagImageAsync(TestEngine.Image, new ImageTagParameters { RepositoryName = repository, Tag = "v1" });
        try
        {
            foreach (var image in new[] { repository + ":latest", repository })
            {
                var identifier = LocalJobCli.NewIdentifier();
                var result = await LocalJobCli.RunAsync(LocalJobCli.Job(identifier, $"""
                    containers:
                    - name: main
                      image: {image}
                      command: ["echo", "ran the local copy"]
                    """));

                Assert.True(result.ExitCode == ExitCodes.Failed, result.ToString());
                Assert.Contains($"Pulling {image}...", result.Error);
                Assert.Contains("so it is pulled every time, as Kubernetes does: give the image a tag of its own, or set imagePullPolicy: IfNotPresent", result.Error);
                await LocalJobCli.AssertNothingLeftAsync(identifier);
            }

            // A tag of its own, or an explicit IfNotPresent, runs the engine's copy.
            foreach (var (image, policy) in new[] { (repository + ":v1", ""), (repository + ":latest", "imagePullPolicy: IfNotPresent") })
            {
                var identifier = LocalJobCli.NewIdentifier();
                var result = await LocalJobCli.RunAsync(LocalJobCli.Job(identifier, $"""
                    containers:
                    - name: main
                      image: {image}
                      command: ["echo", "ran the local copy"]
                      {policy}
                    """));

                Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
                Assert.DoesNotContain("Pulling", result.Error);
                Assert.Equal(["ran the local copy"], result.OutputLines);
            }
        }
        finally
        {
            await UntagAsync(docker, repository + ":latest");
            await UntagAsync(docker, repository + ":v1");
        }
    }

    private static async Task UntagAsync(DockerEngine docker, string image)
    {
        try
        {
            await docker.Client.Images.DeleteImageAsync(image, new ImageDeleteParameters());
        }
        catch (DockerImageNotFoundException)
        {
        }
    }
}
