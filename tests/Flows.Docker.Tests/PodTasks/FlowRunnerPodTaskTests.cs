using System.Threading;
using System.Threading.Tasks;
using Flows.Docker.PodTasks;
using Flows.Docker.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Flows.Docker.Tests.PodTasks;

/// <summary>A flow run with the local pod runner: the pod task's result comes back into the executor and feeds the next task.</summary>
public sealed class FlowRunnerPodTaskTests
{
    [DockerFact]
    public async Task The_pod_tasks_result_json_comes_back_into_the_executor_and_feeds_the_next_task()
    {
        var executor = new SharedMessageExecutor();
        var flow = PodTaskFlows.Flow(PodTaskFlows.SharedVolumePod, PodTaskFlows.ReadMessageScript, () => executor, [SharedMessageExecutor.ShoutTask]);
        var runId = TestEngine.NewRunId();
        using var runner = new LocalPodTaskRunner();
        var logs = new CapturingLogger();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs));

        var result = await FlowRunner.RunAsync(flow, new FlowRunOptions
        {
            FlowRunId = runId,
            PodTaskRunner = runner,
            PodTaskImage = TestEngine.Image,
            PodTaskNamespace = "flows-test",
            LoggerFactory = loggerFactory,
        }, CancellationToken.None).WaitAsync(TestEngine.HangGuard);

        Assert.True(result.IsSuccess, string.Join("\n", logs.Messages));
        Assert.Equal("\"hi sidecar world\"", executor.ResultJsonRead);
        Assert.Equal("hi sidecar world", result[PodTaskFlows.TaskName].Result);
        Assert.Equal("HI SIDECAR WORLD", result["Shout"].Result);
        Assert.Contains("Information: hi sidecar world", logs.Messages);
        await PodTaskFlows.AssertNothingLeftAsync(runId);
    }
}
