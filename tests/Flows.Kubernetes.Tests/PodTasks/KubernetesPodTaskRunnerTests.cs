using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Kubernetes.Tests.ApiDouble;
using Flows.Kubernetes.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Flows.Kubernetes.Tests.PodTasks;

public class KubernetesPodTaskRunnerTests
{
    private const string Primary = PodTaskFlow.Primary;


    private static bool PodIsGone(KubernetesApiDouble api, PodTaskRunResult run) => api.Store.Get("pods", TestFlows.Namespace, run.PodName) is null;

    private static RecordedRequest PodDeletion(PodTaskRunResult run) =>
        Assert.Single(run.Api.RequestsTo("DELETE", "/pods/" + run.PodName));

    [Fact]
    public async Task The_task_finishes_when_the_primary_ends_while_a_sidecar_keeps_running_and_the_pod_is_deleted()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            pod.Log(Primary, "measuring", "done");
            pod.Log(PodTaskFlow.Sidecar, "proxy listening");
            pod.Exit(Primary, 0, terminationMessage: PodTaskFlow.MeasureFromInputs(pod));
            await Task.CompletedTask;
        };

        var run = await PodTaskRun.RunAsync(api, "sidecar-keeps-running");

        Assert.True(run.Flow.IsSuccess, run.ToString());
        Assert.True(run.Log.PodLogLines.SequenceEqual(["measuring", "done"]), run.ToString());
        var deletion = PodDeletion(run);
        var options = JsonNode.Parse(deletion.Body)!;
        Assert.True(options["propagationPolicy"]?.GetValue<string>() == "Background", run.ToString());
        Assert.True(options["gracePeriodSeconds"]?.GetValue<int>() is 0 or 1, run.ToString());
        Assert.True(PodIsGone(api, run), run.ToString());
        // The sidecar never terminated: only the primary's end ended the task.
        Assert.True(api.Requests.All(r => !r.IsLog || r["container"] == Primary), run.ToString());
    }

    [Fact]
    public async Task A_log_line_over_64_KiB_is_cut_there_and_marked_and_the_next_line_comes_whole()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            pod.Log(Primary, new string('x', 1024 * 1024), "after the long line");
            pod.Exit(Primary, 0, terminationMessage: PodTaskFlow.MeasureFromInputs(pod));
            await Task.CompletedTask;
        };

        var run = await PodTaskRun.RunAsync(api, "long-line");

        Assert.True(run.Flow.IsSuccess, run.ToString());
        var lines = run.Log.PodLogLines;
        Assert.True(lines.Count == 2, run.ToString());
        // The kubelet's timestamp before each line is not counted: the limit and the size are the container's line.
        var cut = lines[0];
        Assert.Equal(new string('x', PodTaskOutputLimits.MaxLineBytes) + PodTaskOutputLimits.CutNote(1024 * 1024), cut);
        Assert.Equal("after the long line", lines[1]);
    }

    [Fact]
    public async Task The_pod_is_posted_as_built_and_the_result_json_comes_back_into_the_executor()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            pod.Exit(Primary, 0, terminationMessage: PodTaskFlow.MeasureFromInputs(pod));
            await Task.CompletedTask;
        };

        var run = await PodTaskRun.RunAsync(api, "result-comes-back");

        Assert.True(run.Flow.IsSuccess, run.ToString());
        Assert.True(run.Executor.Reported == "{\"size\":42}", run.ToString());
        var pod = run.PostedPod;
        Assert.True(pod["spec"]?["futurePodField"]?["kept"]?.GetValue<bool>() == true, run.ToString());
        Assert.True(pod["metadata"]?["namespace"]?.GetValue<string>() == TestFlows.Namespace, run.ToString());
        var primary = pod["spec"]!["containers"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == Primary)!;
        Assert.True(primary["image"]?.GetValue<string>() == TestFlows.Image, run.ToString());
        // The inputs are read from the pod's Secret, not written into the Pod.
        Assert.Contains(primary["env"]!.AsArray(), e => e!["name"]!.GetValue<string>() == PodTaskVariables.Inputs
            && e["valueFrom"]?["secretKeyRef"]?["name"]?.GetValue<string>() == run.PodName + "-inputs" && e["value"] is null);
    }

    [Fact]
    public async Task A_failing_primary_fails_the_task_with_its_exit_code_and_log_tail()
    {
        await using var api = new KubernetesApiDouble();
        var lines = Enumerable.Range(1, 25).Select(i => $"step {i}").Append("boom").ToArray();
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            pod.Log(Primary, lines);
            pod.Exit(Primary, 3, terminationMessage: PodTaskMessage.Error(new InvalidOperationException("the sensor is offline")));
            await Task.CompletedTask;
        };

        var run = await PodTaskRun.RunAsync(api, "primary-fails");

        Assert.True(run.PodTask.State == TaskRunState.Failed, run.ToString());
        var error = Assert.IsType<PodTaskException>(run.PodTask.Error);
        Assert.True(error.ExitCode == 3, run.ToString());
        Assert.True(error.Message.Contains("exited with code 3", StringComparison.Ordinal), run.ToString());
        Assert.True(error.Message.Contains("the sensor is offline", StringComparison.Ordinal), run.ToString());
        var tail = error.Message.Split('\n').Where(l => l.StartsWith("  | ", StringComparison.Ordinal)).Select(l => l.Substring(4)).ToArray();
        Assert.True(lines.TakeLast(PodTaskOutcome.LogTailLines).SequenceEqual(tail), run.ToString());
        Assert.True(lines.SequenceEqual(run.Log.PodLogLines), run.ToString());
        PodDeletion(run);
        Assert.True(PodIsGone(api, run), run.ToString());
    }

    [Theory]
    [InlineData("cut by the kubelet")]
    [InlineData("error written in the pod")]
    public async Task An_oversized_result_gives_the_clear_error(string how)
    {
        await using var api = new KubernetesApiDouble();
        var oversized = "{\"rows\":[" + string.Join(",", Enumerable.Repeat("\"0123456789\"", 500)) + "]}";
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            if (how == "cut by the kubelet")
            {
                pod.Exit(Primary, 0, terminationMessage: PodTaskMessage.Success(oversized));
            }
            else
            {
                var tooLarge = new PodTaskException(PodTaskMessage.TooLarge(PodTaskFlow.PodTaskName, PodTaskMessage.ByteCount(PodTaskMessage.Success(oversized))));
                pod.Log(Primary, "error: " + tooLarge.Message);
                pod.Exit(Primary, 1, terminationMessage: PodTaskMessage.Error(tooLarge));
            }
            await Task.CompletedTask;
        };

        var run = await PodTaskRun.RunAsync(api, "oversized-" + (how.StartsWith("cut", StringComparison.Ordinal) ? "cut" : "envelope"));

        Assert.True(run.PodTask.State == TaskRunState.Failed, run.ToString());
        var message = run.PodTask.Error?.Message ?? "";
        Assert.True(message.Contains($"holds at most {PodTaskMessage.MaxBytes} bytes", StringComparison.Ordinal), run.ToString());
        Assert.True(message.Contains("Return something smaller", StringComparison.Ordinal), run.ToString());
        Assert.True(PodIsGone(api, run), run.ToString());
    }

    [Fact]
    public async Task An_image_that_cannot_be_pulled_fails_the_task_with_the_image_name()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.FailImagePull(Primary, "rpc error: manifest unknown");
            await Task.CompletedTask;
        };

        var run = await PodTaskRun.RunAsync(api, "bad-image");

        Assert.True(run.PodTask.State == TaskRunState.Failed, run.ToString());
        var message = run.PodTask.Error?.Message ?? "";
        Assert.True(message.Contains("ImagePullBackOff", StringComparison.Ordinal) && message.Contains(TestFlows.Image, StringComparison.Ordinal), run.ToString());
        var reported = run.Log.Entries.Where(e => e.Level >= LogLevel.Warning && e.Message.Contains("ImagePullBackOff", StringComparison.Ordinal)).ToList();
        Assert.True(reported.Count >= 1 && reported[0].Message.Contains(TestFlows.Image, StringComparison.Ordinal) && !reported[0].Message.Contains('\n'), run.ToString());
        PodDeletion(run);
        Assert.True(PodIsGone(api, run), run.ToString());
    }

    [Fact]
    public async Task A_pod_deleted_while_the_task_runs_fails_the_task_without_hanging()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            pod.Log(Primary, "working");
            await pod.WaitUntilAsync(a => a.Requests.Any(r => r.IsLog), "read the log");
            pod.Delete();
        };

        var run = await PodTaskRun.RunAsync(api, "deleted-mid-run");

        Assert.True(run.PodTask.State == TaskRunState.Failed, run.ToString());
        var message = run.PodTask.Error?.Message ?? "";
        Assert.True(message.Contains($"{run.PodName} was deleted while task '{PodTaskFlow.PodTaskName}' ran", StringComparison.Ordinal), run.ToString());
    }

    [Fact]
    public async Task An_evicted_pod_fails_the_task_with_the_reason()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            pod.Log(Primary, "working");
            await pod.WaitUntilAsync(a => a.Requests.Any(r => r.IsLog), "read the log");
            pod.Evict("The node was low on resource: memory.");
        };

        var run = await PodTaskRun.RunAsync(api, "evicted");

        Assert.True(run.PodTask.State == TaskRunState.Failed, run.ToString());
        var message = run.PodTask.Error?.Message ?? "";
        Assert.True(message.Contains("Evicted: The node was low on resource: memory.", StringComparison.Ordinal), run.ToString());
        PodDeletion(run);
    }

    [Fact]
    public async Task A_pod_that_stays_unschedulable_fails_the_task_after_the_problem_timeout()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Unschedulable("0/1 nodes are available: 1 Insufficient memory.");
            await Task.CompletedTask;
        };

        var run = await PodTaskRun.RunAsync(api, "unschedulable", new KubernetesPodTaskRunnerOptions { ProblemTimeout = TimeSpan.FromMilliseconds(200) });

        Assert.True(run.PodTask.State == TaskRunState.Failed, run.ToString());
        var message = run.PodTask.Error?.Message ?? "";
        Assert.True(message.Contains("Unschedulable: 0/1 nodes are available: 1 Insufficient memory.", StringComparison.Ordinal), run.ToString());
        Assert.True(run.Log.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains("Unschedulable", StringComparison.Ordinal)) == 1, run.ToString());
        PodDeletion(run);
    }

    [Fact]
    public async Task Cancelling_the_run_deletes_the_pod()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            pod.Log(Primary, "working");
            await Task.CompletedTask;
        };

        var run = await PodTaskRun.RunAsync(api, "cancelled", cancelWhen: entry => entry.IsPodLogLine && entry.Message == "working");

        Assert.True(run.PodTask.State == TaskRunState.Cancelled, run.ToString());
        PodDeletion(run);
        Assert.True(PodIsGone(api, run), run.ToString());
    }

    [Fact]
    public async Task Kept_pods_are_not_deleted()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            pod.Exit(Primary, 0, terminationMessage: PodTaskFlow.MeasureFromInputs(pod));
            await Task.CompletedTask;
        };

        var run = await PodTaskRun.RunAsync(api, "kept", new KubernetesPodTaskRunnerOptions { KeepPods = true });

        Assert.True(run.Flow.IsSuccess, run.ToString());
        Assert.True(run.Api.RequestsTo("DELETE", "/pods/" + run.PodName).Count == 0 && !PodIsGone(api, run), run.ToString());
    }

    [Fact]
    public async Task Log_lines_arrive_in_order_without_repeats_across_a_watch_drop_and_a_log_drop()
    {
        await using var api = new KubernetesApiDouble();
        var lines = Enumerable.Range(1, 10).Select(i => $"line {i}").ToArray();
        api.Faults.OnNextWatch("pods", WatchFaultKind.CutMidStream, afterEvents: 1);
        api.Faults.OnNextLogStream(LogStreamFaultKind.CutMidLine, afterLines: 4);
        api.PodScript = async pod =>
        {
            pod.Schedule();
            await pod.WaitUntilAsync(a => a.Requests.Any(r => r.IsWatch), "watch the pod");
            pod.Start();
            pod.Log(Primary, lines[..6]);
            await pod.WaitUntilAsync(a => a.Requests.Count(r => r.IsLog) >= 2 && a.Requests.Count(r => r.IsWatch) >= 2, "resume the watch and the log");
            pod.Log(Primary, lines[6..]);
            pod.Exit(Primary, 0, terminationMessage: PodTaskFlow.MeasureFromInputs(pod));
        };

        var run = await PodTaskRun.RunAsync(api, "drops");

        Assert.True(run.Flow.IsSuccess, run.ToString());
        Assert.True(lines.SequenceEqual(run.Log.PodLogLines), run.ToString());
        Assert.True(run.Executor.Reported == "{\"size\":42}", run.ToString());
    }

    [Fact]
    public async Task The_kubernetes_pod_runner_is_registered_for_run_pod_tasks()
    {
        await using var api = new KubernetesApiDouble();
        var output = new StringWriter();
        var context = new FlowsCommandLineContext([], output, output);
        new KubernetesCommandLineExtension(KubernetesCli.Settings(api)).AddCommands(new RootCommand(), context);

        Assert.Contains(context.PodTaskRunners, r => r.Key == "kubernetes");
        var (flow, _) = PodTaskFlow.Create();
        Assert.True(context.TryCreatePodTaskRunner("kubernetes", new PodTaskRunnerSettings(flow, null, new CapturedLog(), output, output), out var runner));
        await using var disposable = Assert.IsType<KubernetesPodTaskRunner>(runner);
    }
}
