using System.Threading;
using System.Threading.Tasks;
using Flows.Docker.Tests.Support;

namespace Flows.Docker.Tests.Fixtures;

/// <summary>The seed 000 graph on the library: pull, create, start, wait (fails on a non-zero exit), logs (always_run).</summary>
[Flow("Container lifecycle")]
public static partial class ContainerLifecycleFlow
{
    [FlowTask]
    public static async Task<string> PullImage(TaskRunContext context, [FlowParameter("docker_url")] string dockerUrl = "")
    {
        using var docker = await DockerEngine.ConnectAsync(context, dockerUrl);
        return await docker.PullImageAsync(TestEngine.RegistryRepository, TestEngine.RegistryTag);
    }

    [FlowTask]
    public static async Task<string> CreateContainer(
        [FromTask(nameof(PullImage))] string image,
        TaskRunContext context,
        [FlowParameter("command")] string command = "echo hello",
        [FlowParameter("cleanup")] ContainerCleanup cleanup = ContainerCleanup.WhenRunFailsOrIsCancelled,
        [FlowParameter("docker_url")] string dockerUrl = "")
    {
        using var docker = await DockerEngine.ConnectAsync(context, dockerUrl);
        return await docker.CreateContainerAsync(ContainerSpec.Shell(image, command) with { NetworkMode = "none", Cleanup = cleanup });
    }

    [FlowTask]
    public static async Task StartContainer([FromTask(nameof(CreateContainer))] string containerId, TaskRunContext context, [FlowParameter("docker_url")] string dockerUrl = "")
    {
        using var docker = await DockerEngine.ConnectAsync(context, dockerUrl);
        await docker.StartContainerAsync(containerId);
    }

    [FlowTask]
    [DependsOn(nameof(StartContainer))]
    public static async Task<long> WaitOnContainer([FromTask(nameof(CreateContainer))] string containerId, TaskRunContext context, CancellationToken cancellationToken, [FlowParameter("docker_url")] string dockerUrl = "")
    {
        using var docker = await DockerEngine.ConnectAsync(context, dockerUrl);
        return await docker.WaitContainerAsync(containerId, failOnNonZeroExitCode: true, cancellationToken);
    }

    [FlowTask(Trigger = TaskTrigger.AlwaysRun)]
    [DependsOn(nameof(WaitOnContainer))]
    public static async Task<ContainerLogs> GetContainerLogs([FromTask(nameof(CreateContainer))] string containerId, TaskRunContext context, [FlowParameter("docker_url")] string dockerUrl = "")
    {
        using var docker = await DockerEngine.ConnectAsync(context, dockerUrl);
        return await docker.GetContainerLogsAsync(containerId);
    }
}
