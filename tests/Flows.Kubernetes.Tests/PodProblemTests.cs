using System;
using System.Linq;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Kubernetes.Tests.ApiDouble;
using Flows.Kubernetes.Tests.Support;

namespace Flows.Kubernetes.Tests;

public class PodProblemTests
{
    /// <summary>The run failed, and said once that its pod was deleted.</summary>
    private static void AssertFailedAsDeleted(CliResult result)
    {
        Assert.True(result.ExitCode == ExitCodes.Failed, result.ToString());
        var line = Assert.Single(result.ErrorLines, l => l.Contains("PodDeleted", StringComparison.Ordinal));
        Assert.Contains("deleted before its flow container finished", line);
    }

    [Fact]
    public async Task An_unschedulable_pod_is_reported_once_as_a_warning_and_the_run_goes_on()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Unschedulable("0/1 nodes are available: 1 Insufficient memory.");
            await pod.WaitUntilAsync(a => a.Requests.Count(r => r.IsWatchOf("pods")) >= 1, "watch the pods");
            pod.Schedule();
            pod.Start();
            pod.Exit("flow", 0);
        };

        var result = await KubernetesCli.RunAsync(api, TestFlows.Create(), "submit", "--wait", "--flow-run-id", "unschedulable");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var line = Assert.Single(result.ErrorLines, l => l.Contains("Unschedulable", StringComparison.Ordinal));
        Assert.EndsWith(": Unschedulable: 0/1 nodes are available: 1 Insufficient memory.", line);
        Assert.StartsWith("warning: pod ", line);
    }

    [Fact]
    public async Task An_unschedulable_state_that_passes_before_the_Jobs_are_listed_is_still_reported()
    {
        // The Jobs' list comes a second late (429), so the pods' events all arrive before the monitor may decide.
        await using var api = new KubernetesApiDouble();
        api.Faults.FailNext(r => r.IsListOf("jobs"), 429, retryAfterSeconds: 1);
        api.PodScript = async pod =>
        {
            pod.Unschedulable("0/1 nodes are available: 1 Insufficient memory.");
            await pod.WaitUntilAsync(a => a.Requests.Count(r => r.IsWatchOf("pods")) >= 1, "watch the pods");
            pod.Schedule();
            pod.Start();
            pod.Exit("flow", 0);
        };

        var result = await KubernetesCli.RunAsync(api, TestFlows.Create(), "submit", "--wait", "--flow-run-id", "unschedulable-early");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Single(result.ErrorLines, l => l.Contains("Unschedulable: 0/1 nodes are available", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_OOMKilled_flow_container_fails_the_run_and_says_to_raise_the_memory_limit()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            pod.Log("flow", "allocating");
            pod.Exit("flow", 137, "OOMKilled");
            await Task.CompletedTask;
        };

        var result = await KubernetesCli.RunAsync(api, TestFlows.Create(), "submit", "--wait", "--flow-run-id", "oom", "--evidence-dir", KubernetesCli.TempFolder(api, "oom"));

        Assert.True(result.ExitCode == ExitCodes.Failed, result.ToString());
        var line = Assert.Single(result.ErrorLines, l => l.Contains(": OOMKilled: ", StringComparison.Ordinal));
        Assert.Contains("raise resources.limits.memory", line);
        Assert.Contains("exited with code 137 (OOMKilled)", result.Error);
    }

    [Fact]
    public async Task A_job_past_its_active_deadline_fails_the_run_with_the_reason()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            await pod.WaitUntilAsync(a => a.Requests.Count(r => r.IsWatchOf("jobs")) >= 1, "watch the Job");
            pod.FailJob("DeadlineExceeded", "Job was active longer than specified deadline");
        };

        var result = await KubernetesCli.RunAsync(api, TestFlows.Create(), "submit", "--wait", "--flow-run-id", "deadline", "--evidence-dir", KubernetesCli.TempFolder(api, "deadline"));

        Assert.True(result.ExitCode == ExitCodes.Failed, result.ToString());
        Assert.Contains("failed: DeadlineExceeded: Job was active longer than specified deadline.", result.Error);
    }

    [Fact]
    public async Task A_pod_task_pod_of_the_run_deleted_while_the_flow_container_runs_is_no_problem_of_the_run()
    {
        // The flow in the Job creates its pod tasks' Pods with the run's identifier and deletes each when its task ends.
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            await pod.WaitUntilAsync(a => a.Requests.Count(r => r.IsWatchOf("pods")) >= 1, "watch the pods");
            var labels = api.Store.Get("pods", pod.Namespace, pod.Name)!["metadata"]!["labels"]!;
            var taskPod = new System.Text.Json.Nodes.JsonObject
            {
                ["metadata"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["name"] = "in-pod-1",
                    ["labels"] = new System.Text.Json.Nodes.JsonObject { ["identifier"] = labels["identifier"]!.GetValue<string>(), [Flows.Manifests.RunLabels.Task] = "in-pod" },
                },
                ["spec"] = new System.Text.Json.Nodes.JsonObject { ["containers"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["name"] = "primary" }) },
            };
            api.Store.Add("pods", pod.Namespace, taskPod);
            await Task.Delay(200);
            api.Store.Remove("pods", pod.Namespace, "in-pod-1");
            await Task.Delay(200);
            pod.Exit("flow", 0);
        };

        var result = await KubernetesCli.RunAsync(api, TestFlows.Create(), "submit", "--wait", "--flow-run-id", "pod-task-pod-deleted");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.DoesNotContain(result.ErrorLines, l => l.Contains("PodDeleted", StringComparison.Ordinal) || l.Contains("in-pod-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pod_deleted_before_its_flow_container_finished_fails_the_run_with_one_line()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            pod.Log("flow", "working");
            await pod.WaitUntilAsync(a => a.ActiveLogStreams >= 1 && a.Requests.Count(r => r.IsWatchOf("pods")) >= 1, "watch the pods and follow the log");
            pod.Delete();
        };

        var result = await KubernetesCli.RunAsync(api, TestFlows.Create(), "submit", "--follow", "--flow-run-id", "deleted-pod", "--evidence-dir", KubernetesCli.TempFolder(api, "deleted"));

        AssertFailedAsDeleted(result);
        Assert.Equal(["working"], result.OutputLines);
    }

    [Fact]
    public async Task A_pod_deleted_gracefully_mid_run_fails_the_run_as_deleted_and_the_kubelets_removed_log_text_is_not_printed()
    {
        // Found on the real 1.20 cluster: the flow container ends (SIGTERM, exit 130) while the pod still exists with
        // its deletionTimestamp, and the removed container's log answers 200 "unable to retrieve container logs for ...".
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            pod.Log("flow", "working");
            await pod.WaitUntilAsync(a => a.ActiveLogStreams >= 1 && a.Requests.Count(r => r.IsWatchOf("pods")) >= 1, "watch the pods and follow the log");
            pod.BeginGracefulDeletion(exitCode: 130);
            await pod.WaitUntilAsync(a => a.Requests.Count(r => r.IsLog) >= 2, "read the log after the container was removed");
            pod.Delete();
        };

        var result = await KubernetesCli.RunAsync(api, TestFlows.Create(), "submit", "--follow", "--flow-run-id", "graceful-delete", "--evidence-dir", KubernetesCli.TempFolder(api, "graceful"));

        AssertFailedAsDeleted(result);
        Assert.Equal(["working"], result.OutputLines);
    }

    [Fact]
    public async Task A_pod_deleted_gracefully_is_reported_as_deleted_even_when_the_Jobs_watch_tells_of_the_failure_first()
    {
        // The two watches race: the Job controller's BackoffLimitExceeded, which follows from the deleted pod, can
        // arrive before the pod's own event. Here the pods' watch goes silent, so the Job's event always comes first.
        await using var api = new KubernetesApiDouble();
        api.Faults.OnNextWatch("pods", WatchFaultKind.GoSilent, afterEvents: 0);
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            await pod.WaitUntilAsync(a => a.Requests.Count(r => r.IsWatchOf("pods")) >= 1, "watch the pods");
            pod.BeginGracefulDeletion(exitCode: 130);
        };

        var result = await KubernetesCli.RunAsync(api, TestFlows.Create(), "submit", "--wait", "--flow-run-id", "graceful-delete-race", "--evidence-dir", KubernetesCli.TempFolder(api, "graceful-race"));

        AssertFailedAsDeleted(result);
    }

    [Fact]
    public async Task A_pod_already_gone_when_the_Jobs_failure_is_read_is_reported_as_deleted()
    {
        // The pods' watch goes silent, so the Job's BackoffLimitExceeded comes first, and by then the pod is gone.
        await using var api = new KubernetesApiDouble();
        api.Faults.OnNextWatch("pods", WatchFaultKind.GoSilent, afterEvents: 0);
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            await pod.WaitUntilAsync(a => a.Requests.Count(r => r.IsWatchOf("pods")) >= 1, "watch the pods");
            pod.Delete();
            api.SyncJob(pod.Namespace, pod.JobName!, "Failed");
        };

        var result = await KubernetesCli.RunAsync(api, TestFlows.Create(), "submit", "--wait", "--flow-run-id", "gone-before-read", "--evidence-dir", KubernetesCli.TempFolder(api, "gone"));

        AssertFailedAsDeleted(result);
    }

    [Fact]
    public async Task A_pod_that_fails_as_a_whole_is_reported_with_its_reason()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            await pod.WaitUntilAsync(a => a.Requests.Any(r => r.IsWatch), "watch");
            pod.FailPod("Evicted", "The node was low on resource: memory.");
        };

        var result = await KubernetesCli.RunAsync(api, TestFlows.Create(), "submit", "--wait", "--flow-run-id", "evicted", "--evidence-dir", KubernetesCli.TempFolder(api, "evicted"));

        Assert.True(result.ExitCode == ExitCodes.Failed, result.ToString());
        Assert.Single(result.ErrorLines, l => l.EndsWith(": Evicted: The node was low on resource: memory.", StringComparison.Ordinal));
    }
}
