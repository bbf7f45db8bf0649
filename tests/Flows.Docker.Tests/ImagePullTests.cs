using System;
using System.Linq;
using System.Threading.Tasks;
using Flows.Docker.Tests.Support;

namespace Flows.Docker.Tests;

/// <summary>Pulls from the registry on 127.0.0.1:5000 that scripts/setup-docker.sh starts.</summary>
public sealed class ImagePullTests
{
    [DockerFact]
    public async Task Pulls_an_image_from_the_local_registry_and_reports_progress_to_the_logger()
    {
        var logger = new CapturingLogger();
        using var docker = await DockerEngine.ConnectAsync(new DockerConnectionOptions { Logger = logger });

        var image = await docker.PullImageAsync(TestEngine.RegistryRepository, TestEngine.RegistryTag).WaitAsync(TestEngine.HangGuard);

        Assert.Equal(TestEngine.Image, image);
        Assert.Contains(logger.Messages, message => message.Contains("Pulling localhost:5000/busybox:1", StringComparison.Ordinal));
        Assert.Contains(logger.Messages, message => message.Contains("Status: ", StringComparison.Ordinal) && message.Contains("localhost:5000/busybox:1", StringComparison.Ordinal));
        var inspected = await docker.Client.Images.InspectImageAsync(image);
        Assert.Contains(TestEngine.Image, inspected.RepoTags);
    }

    [DockerFact]
    public async Task An_image_that_does_not_exist_fails_with_a_clear_error()
    {
        using var docker = await TestEngine.ConnectAsync();

        var started = DateTime.UtcNow;
        var error = await Assert.ThrowsAsync<ImagePullFailedException>(() => docker.PullImageAsync("localhost:5000/no-such-image", "1").WaitAsync(TestEngine.HangGuard));

        Assert.Equal("localhost:5000/no-such-image:1", error.Image);
        Assert.StartsWith("Could not pull localhost:5000/no-such-image:1 (Docker daemon at unix:///var/run/docker.sock): ", error.Message);
        Assert.Contains("not found", error.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30));
    }

    [DockerFact]
    public async Task Creating_from_an_image_the_daemon_does_not_have_says_to_pull_it_first()
    {
        using var docker = await TestEngine.ConnectAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => docker.CreateContainerAsync(new ContainerSpec("localhost:5000/never-pulled:1")));

        Assert.Contains("does not have that image", error.Message);
        Assert.Contains("Pull it first", error.Message);
    }
}
