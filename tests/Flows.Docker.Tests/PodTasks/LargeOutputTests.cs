using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Flows.Docker.PodTasks;
using Flows.Docker.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Flows.Docker.Tests.PodTasks;

/// <summary>Container tasks printing more than Flows keeps, on the real engine: a clear failure for a too-large result, a cut line for a too-long one.</summary>
public sealed class LargeOutputTests
{
    [DockerFact]
    public async Task A_string_result_of_3_MiB_fails_the_task_naming_the_limit_the_size_and_what_to_do_and_a_1_MiB_line_is_cut_at_64_KiB()
    {
        var runId = TestEngine.NewRunId();
        using var runner = new LocalPodTaskRunner();
        var logs = new CapturingLogger();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs));

        var result = await LargeOutputFlow.RunAsync(new FlowRunOptions
        {
            FlowRunId = runId,
            PodTaskRunner = runner,
            PodTaskNamespace = "flows-test",
            LoggerFactory = loggerFactory,
        }, CancellationToken.None).WaitAsync(TestEngine.HangGuard * 2);

        var tooLarge = result[nameof(LargeOutputFlow.ThreeMegabytesAsResult)];
        Assert.Equal(TaskRunState.Failed, tooLarge.State);
        Assert.Null(tooLarge.Result);
        Assert.StartsWith($"Container task '{nameof(LargeOutputFlow.ThreeMegabytesAsResult)}' ({TestEngine.Image}) printed 3,145,728 bytes to its log in pod ", tooLarge.Message);
        Assert.Contains("may return at most 1,048,576 bytes", tooLarge.Message);
        Assert.Contains("Write large output to a file on a volume the tasks share or to an object store", tooLarge.Message);

        var longLine = result[nameof(LargeOutputFlow.OneMegabyteLine)];
        Assert.True(longLine.State == TaskRunState.Success, longLine.Message);
        var lines = logs.Messages.Where(message => message.StartsWith("Information: xxxx", StringComparison.Ordinal)).ToList();
        var cut = Assert.Single(lines);
        Assert.Equal("Information: " + new string('x', PodTaskOutputLimits.MaxLineBytes) + PodTaskOutputLimits.CutNote(1024 * 1024), cut);
        Assert.EndsWith(" [line cut by Flows: it was 1,048,576 bytes, and a log line keeps at most 65,536 bytes]", cut);
        Assert.Contains("Information: after the long line", logs.Messages);
        await PodTaskFlows.AssertNothingLeftAsync(runId);
    }
}
