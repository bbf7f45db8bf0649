using System;
using System.Threading;
using System.Threading.Tasks;
using Flows;
using Microsoft.Extensions.Logging;

namespace Samples.DockerPipeline;

/// <summary>
/// The graph of Prefect's "Docker Sidecar on Kubernetes" recipe: PullImage -> CreateContainer ->
/// StartContainer -> WaitOnContainer -> GetContainerLogs (always_run), with container_id handed
/// from CreateContainer to the three tasks after it. Until the Docker task library lands, the
/// "container" is a local shell process.
/// </summary>
[Flow("Run a Prefect Flow in Docker", Description = "Pull -> Create -> Start -> Wait -> Logs (always_run), the seed 000 graph")]
public static partial class DockerPipelineFlow
{
    [FlowTask(Retries = 2, RetryDelaySeconds = 0.5)]
    public static string PullImage(
        [FlowParameter(Description = "Image repository")] string repository = "prefecthq/prefect",
        [FlowParameter(Description = "Image tag")] string tag = "latest")
        => $"{repository}:{tag}";

    [FlowTask]
    public static string CreateContainer(
        [FromTask(nameof(PullImage))] string image,
        TaskRunContext context,
        [FlowParameter(Description = "Shell command the container runs")] string command = "echo 'hello from the inner container'")
    {
        var id = LocalProcesses.Create(image, command);
        context.Logger.LogInformation("Created container {ContainerId} from {Image}", id, image);
        return id;
    }

    [FlowTask]
    public static void StartContainer([FromTask(nameof(CreateContainer))] string containerId) => LocalProcesses.Start(containerId);

    [FlowTask(TimeoutSeconds = 60)]
    [DependsOn(nameof(StartContainer))]
    public static async Task<int> WaitOnContainer([FromTask(nameof(CreateContainer))] string containerId, CancellationToken cancellationToken)
    {
        var exitCode = await LocalProcesses.WaitAsync(containerId, cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"Container {containerId} exited with code {exitCode}.");
        }
        return exitCode;
    }

    [FlowTask(Trigger = TaskTrigger.AlwaysRun)]
    [DependsOn(nameof(WaitOnContainer))]
    public static string GetContainerLogs([FromTask(nameof(CreateContainer))] string containerId)
    {
        var logs = LocalProcesses.Logs(containerId);
        Console.Write(logs);
        return logs;
    }
}
