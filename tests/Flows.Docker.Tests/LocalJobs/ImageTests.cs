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
