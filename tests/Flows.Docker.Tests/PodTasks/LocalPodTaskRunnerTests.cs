using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Flows.Docker.PodTasks;
using Flows.Docker.Tests.Support;

namespace Flows.Docker.Tests.PodTasks;

/// <summary>The local pod runner on the real engine: a task's Pod runs as a kubelet would run it, and nothing of it is left.</summary>
public sealed class LocalPodTaskRunnerTests
{
    private static readonly string PrimaryOnlyPod = """
        apiVersion: v1
        kind: Pod
        spec:
          containers: []
        """;

    [DockerFact]
    public async Task The_primary_reads_what_the_never_ending_secondary_wrote_and_its_message_comes_back()
    {
        var flow = PodTaskFlows.Flow(PodTaskFlows.SharedVolumePod, PodTaskFlows.ReadMessageScript);
        var runId = TestEngine.NewRunId();
        var logger = new CapturingLogger();
        using var runner = new LocalPodTaskRunner();

        var outcome = await runner.RunAsync(PodTaskFlows.Request(flow, runId, logger), CancellationToken.None).WaitAsync(TestEngine.HangGuard);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("Completed", outcome.Reason);
        Assert.Equal("{\"result\":\"hi sidecar world\"}\n", outcome.TerminationMessage);
        Assert.Equal(["hi sidecar world"], outcome.LogTail);
        Assert.Null(outcome.Log);
        Assert.Contains("Information: hi sidecar world", logger.Messages);
        await PodTaskFlows.AssertNothingLeftAsync(runId);
    }

    [DockerFact]
    public async Task A_failing_primary_gives_its_exit_code_and_the_last_20_lines_of_its_log()
    {
        var flow = PodTaskFlows.Flow(PrimaryOnlyPod, "for i in $(seq 1 25); do echo line $i; done; exit 3");
        var runId = TestEngine.NewRunId();
        using var runner = new LocalPodTaskRunner();

        var outcome = await runner.RunAsync(PodTaskFlows.Request(flow, runId, new CapturingLogger(), captureLog: true), CancellationToken.None).WaitAsync(TestEngine.HangGuard);

        Assert.Equal(3, outcome.ExitCode);
        Assert.Equal("Error", outcome.Reason);
        Assert.Null(outcome.TerminationMessage);
        Assert.Equal(Enumerable.Range(6, 20).Select(i => $"line {i}"), outcome.LogTail);
        Assert.Equal(string.Join("\n", Enumerable.Range(1, 25).Select(i => $"line {i}")), outcome.Log);
        await PodTaskFlows.AssertNothingLeftAsync(runId);
    }

    [DockerFact]
    public async Task A_failing_primary_with_FallbackToLogsOnError_and_no_message_gets_the_end_of_its_log_as_the_kubelet_gives_it()
    {
        // Flows' own Pods use File; a hand-made request may ask for the fallback, and the local run honours it as the
        // kubelet does: the last 80 lines, then at most their last 2048 bytes.
        var flow = PodTaskFlows.Flow(PrimaryOnlyPod, "for i in $(seq 1 100); do printf 'line %03d xxxxxxxxxxxxxxxxxxxxx\\n' $i; done; exit 2",
            adjustPod: pod => PodTaskFlows.PrimaryOf(pod)["terminationMessagePolicy"] = "FallbackToLogsOnError");
        var runId = TestEngine.NewRunId();
        using var runner = new LocalPodTaskRunner();

        var outcome = await runner.RunAsync(PodTaskFlows.Request(flow, runId, new CapturingLogger()), CancellationToken.None).WaitAsync(TestEngine.HangGuard);

        Assert.Equal(2, outcome.ExitCode);
        var last80 = string.Join("\n", Enumerable.Range(21, 80).Select(i => $"line {i:D3} xxxxxxxxxxxxxxxxxxxxx"));
        Assert.Equal(last80[^2048..], outcome.TerminationMessage);
        await PodTaskFlows.AssertNothingLeftAsync(runId);
    }

    [DockerFact]
    public async Task A_termination_message_over_4096_bytes_is_cut_at_4096_and_reported_as_too_large()
    {
        var flow = PodTaskFlows.Flow(PrimaryOnlyPod, """printf '{"result":"%5000s"}' '' | tr ' ' x > "$FLOWS__TASK__TERMINATION_MESSAGE_PATH" """);
        var runId = TestEngine.NewRunId();
        using var runner = new LocalPodTaskRunner();

        var outcome = await runner.RunAsync(PodTaskFlows.Request(flow, runId, new CapturingLogger()), CancellationToken.None).WaitAsync(TestEngine.HangGuard);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("{\"result\":\"" + new string('x', 4096 - 11), outcome.TerminationMessage);
        var tooLarge = Assert.Throws<PodTaskException>(() => PodTaskMessage.Read(PodTaskFlows.TaskName, outcome.TerminationMessage));
        Assert.Contains("at most 4096 bytes", tooLarge.Message);
        await PodTaskFlows.AssertNothingLeftAsync(runId);
    }

    [DockerFact]
    public async Task Cancelling_mid_run_throws_and_removes_the_pod()
    {
        var flow = PodTaskFlows.Flow(PodTaskFlows.SharedVolumePod, "echo started; sleep 3600");
        var runId = TestEngine.NewRunId();
        var logger = new CapturingLogger();
        using var runner = new LocalPodTaskRunner();
        using var cancellation = new CancellationTokenSource();

        var running = runner.RunAsync(PodTaskFlows.Request(flow, runId, logger), cancellation.Token);
        await WaitForAsync(() => logger.Messages.Contains("Information: started") || running.IsCompleted);
        Assert.False(running.IsCompleted, "the run ended before it was cancelled");
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(TestEngine.HangGuard));
        await PodTaskFlows.AssertNothingLeftAsync(runId);
    }

    [DockerFact]
    public async Task A_missing_image_fails_with_the_image_and_the_cause()
    {
        const string missing = "localhost:5000/flows-no-such-image:1";
        var flow = PodTaskFlows.Flow($"""
            apiVersion: v1
            kind: Pod
            spec:
              containers:
              - name: helper
                image: {missing}
                command: ["sleep", "3600"]
            """, "true");
        var runId = TestEngine.NewRunId();
        using var runner = new LocalPodTaskRunner();

        var failure = await Assert.ThrowsAsync<PodTaskException>(
            () => runner.RunAsync(PodTaskFlows.Request(flow, runId, new CapturingLogger()), CancellationToken.None).WaitAsync(TestEngine.HangGuard));

        Assert.Contains($"the image {missing} of container 'helper' could not be pulled", failure.Message);
        Assert.Contains("not found", failure.Message, StringComparison.OrdinalIgnoreCase);
        await PodTaskFlows.AssertNothingLeftAsync(runId);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var guard = new CancellationTokenSource(TestEngine.HangGuard);
        while (!condition())
        {
            await Task.Delay(50, guard.Token);
        }
    }
}
