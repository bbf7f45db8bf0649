namespace Flows.Generators.Tests.Sources;

/// <summary>Seed 000, Prefect's Docker sidecar recipe: ordering edges, an always_run task, retries and timeouts.</summary>
internal static class DockerShapeSource
{
    public const string Text = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Flows;

        namespace Samples.Docker;

        [Flow("Run a Prefect Flow in Docker")]
        public static partial class DockerFlow
        {
            [FlowTask(Retries = 3, RetryDelaySeconds = 2.5)]
            public static async Task<string> PullImage(CancellationToken cancellationToken)
            {
                await Task.Delay(1, cancellationToken);
                return "prefecthq/prefect:latest";
            }

            [FlowTask(TimeoutSeconds = 30)]
            [DependsOn(nameof(PullImage))]
            public static string CreateContainer() => "container-id";

            [FlowTask]
            public static Task StartContainer([FromTask(nameof(CreateContainer))] string containerId, CancellationToken cancellationToken) =>
                Task.Delay(1, cancellationToken);

            [FlowTask(TimeoutSeconds = 600)]
            [DependsOn(nameof(StartContainer))]
            public static async ValueTask<int> WaitOnContainer([FromTask(nameof(CreateContainer))] string containerId, TaskRunContext context)
            {
                await Task.Yield();
                return context.Attempt;
            }

            [FlowTask(Trigger = TaskTrigger.AlwaysRun)]
            [DependsOn(nameof(WaitOnContainer))]
            public static string GetContainerLogs([FromTask(nameof(CreateContainer))] string containerId) => "logs of " + containerId;
        }
        """;
}
