using System;
using Flows.Runtime.Tests.Support;

namespace Flows.Runtime.Tests.Fixtures;

/// <summary>
/// The shape of Prefect's Docker recipe (seed 000): PullImage -> CreateContainer -> StartContainer -> WaitOnContainer
/// -> GetContainerLogs (always_run), every container task bound to CreateContainer's id. WaitOnContainer fails here.
/// </summary>
[Flow("Run a Prefect Flow in Docker")]
internal static partial class DockerShapeFlow
{
    [FlowTask]
    public static string PullImage() => "prefecthq/prefect:latest";

    [FlowTask]
    [DependsOn(nameof(PullImage))]
    public static string CreateContainer() => "container-42";

    [FlowTask]
    public static void StartContainer([FromTask(nameof(CreateContainer))] string containerId, TaskRunContext context) =>
        RunProbe.Of(context).Record("started " + containerId);

    [FlowTask]
    [DependsOn(nameof(StartContainer))]
    public static int WaitOnContainer([FromTask(nameof(CreateContainer))] string containerId) =>
        throw new InvalidOperationException($"container {containerId} exited with status 137");

    [FlowTask(Trigger = TaskTrigger.AlwaysRun)]
    [DependsOn(nameof(WaitOnContainer))]
    public static string GetContainerLogs([FromTask(nameof(CreateContainer))] string containerId) => "logs of " + containerId;
}
