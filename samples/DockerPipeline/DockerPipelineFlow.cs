using System;
using System.Threading.Tasks;
using Flows;
using Flows.Docker;

namespace Samples.DockerPipeline;

/// <summary>
/// Prefect's "Docker Sidecar on Kubernetes" recipe (seed 000) on a real Docker engine: PullImage ->
/// CreateContainer -> StartContainer -> WaitOnContainer -> GetContainerLogs (always_run), with the
/// container id handed from CreateContainer to the three tasks after it. The daemon is
/// <c>--param docker_server_url=...</c>, else DOCKER_HOST (job_spec.yaml sets tcp://localhost:2375, its
/// dind sidecar), else the local socket. The image is the local registry's busybox (scripts/setup-docker.sh);
/// nothing can be pulled from the internet here.
/// </summary>
[Flow("Run a Prefect Flow in Docker", Description = "Pull -> Create -> Start -> Wait -> Logs (always_run), the seed 000 flow")]
[KubernetesJob("job_spec.yaml")]
[DockerStorage(RegistryUrl = "127.0.0.1:5000", ImageName = "flows/docker-on-k8s-flow", ImageTag = "0.1.0")]
public static partial class DockerPipelineFlow
{
    [FlowTask(Retries = 2, RetryDelaySeconds = 0.5)]
    public static async Task<string> PullImage(
        TaskRunContext context,
        [FlowParameter(Description = "Image repository")] string repository = "localhost:5000/busybox",
        [FlowParameter(Description = "Image tag")] string tag = "1",
        [FlowParameter("docker_server_url", Description = "Docker daemon URL; empty: DOCKER_HOST, else the local socket")] string dockerServerUrl = "",
        [FlowParameter("wait_for_daemon_seconds", Description = "How long to wait for a daemon still starting (a dind sidecar)")] double waitForDaemonSeconds = 0)
    {
        using var docker = await DockerEngine.ConnectAsync(context, new DockerConnectionOptions
        {
            Url = dockerServerUrl,
            WaitForDaemon = TimeSpan.FromSeconds(waitForDaemonSeconds),
        });
        return await docker.PullImageAsync(repository, tag);
    }

    [FlowTask]
    public static async Task<string> CreateContainer(
        [FromTask(nameof(PullImage))] string image,
        TaskRunContext context,
        [FlowParameter(Description = "Shell command the container runs")] string command = "echo 'hello from the inner container'",
        [FlowParameter("docker_server_url")] string dockerServerUrl = "")
    {
        using var docker = await DockerEngine.ConnectAsync(context, dockerServerUrl);
        // The container lives as long as the run: removed when it ends, whatever its state.
        return await docker.CreateContainerAsync(ContainerSpec.Shell(image, command) with
        {
            NetworkMode = "none",
            Cleanup = ContainerCleanup.WhenRunEnds,
        });
    }

    [FlowTask]
    public static async Task StartContainer(
        [FromTask(nameof(CreateContainer))] string containerId,
        TaskRunContext context,
        [FlowParameter("docker_server_url")] string dockerServerUrl = "")
    {
        using var docker = await DockerEngine.ConnectAsync(context, dockerServerUrl);
        await docker.StartContainerAsync(containerId);
    }

    [FlowTask(TimeoutSeconds = 60)]
    [DependsOn(nameof(StartContainer))]
    public static async Task<long> WaitOnContainer(
        [FromTask(nameof(CreateContainer))] string containerId,
        TaskRunContext context,
        [FlowParameter("docker_server_url")] string dockerServerUrl = "")
    {
        using var docker = await DockerEngine.ConnectAsync(context, dockerServerUrl);
        return await docker.WaitContainerAsync(containerId, failOnNonZeroExitCode: true);
    }

    [FlowTask(Trigger = TaskTrigger.AlwaysRun)]
    [DependsOn(nameof(WaitOnContainer))]
    public static async Task<string> GetContainerLogs(
        [FromTask(nameof(CreateContainer))] string containerId,
        TaskRunContext context,
        [FlowParameter("docker_server_url")] string dockerServerUrl = "")
    {
        using var docker = await DockerEngine.ConnectAsync(context, dockerServerUrl);
        var logs = (await docker.GetContainerLogsAsync(containerId)).ToString();
        Console.Write(logs);
        return logs;
    }
}
