using System;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Kubernetes.Tests.ApiDouble;
using Flows.Kubernetes.Tests.PodTasks;
using Flows.Kubernetes.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Flows.Kubernetes.Tests;

/// <summary>
/// A container the kubelet refuses to create (CreateContainerConfigError, e.g. runAsNonRoot with an image that runs as
/// root) never starts however long one waits: the run and the pod task fail at once with the kubelet's message.
/// </summary>
public class ContainerCreationProblemTests
{
    private const string RunAsRoot = "container has runAsNonRoot and image will run as root (pod: \"p_flows(uid)\", container: flow)";

    private static JsonObject Pod(string reason, string message) => (JsonObject)JsonNode.Parse($$"""
        {
          "metadata": { "name": "p" },
          "spec": { "restartPolicy": "Never", "containers": [ { "name": "flow" } ] },
          "status": { "phase": "Pending", "containerStatuses": [ { "name": "flow", "image": "i", "state": { "waiting": { "reason": "{{reason}}", "message": {{JsonValue.Create(message).ToJsonString()}} } } } ] }
        }
        """)!;

    /// <summary>What the kubelet does: the container waits with the reason, and a Warning event repeats it after "Error: ".</summary>
    private static void RefuseToCreate(ScriptedPod pod, string container, string message)
    {
        pod.SetState(container, new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "CreateContainerConfigError", ["message"] = message } });
        pod.Event("Warning", "Failed", "Error: " + message);
    }

    [Fact]
    public void The_kubelets_refusals_are_fatal_with_what_to_do_and_a_runtime_hiccup_is_not()
    {
        var nonRoot = PodProblemDetector.Detect(Pod("CreateContainerConfigError", RunAsRoot)).Single();
        var nonNumeric = PodProblemDetector.Detect(Pod("CreateContainerConfigError", "container has runAsNonRoot and image has non-numeric user (app), cannot verify user is non-root")).Single();
        var badCommand = PodProblemDetector.Detect(Pod("CreateContainerError", "Error response from daemon: OCI runtime create failed")).Single();
        var reservedName = PodProblemDetector.Detect(Pod("CreateContainerError", "failed to reserve container name \"flow_p\": name is reserved")).Single();

        Assert.True(nonRoot.IsFatal);
        Assert.Equal("container 'flow': " + RunAsRoot + " (the image's USER is root: run it as a numeric non-root user with securityContext.runAsUser, build it with one, or set runAsNonRoot: false)",
            nonRoot.Description);
        Assert.True(nonNumeric.IsFatal);
        Assert.Contains("set securityContext.runAsUser to its uid", nonNumeric.Description);
        Assert.True(badCommand.IsFatal);
        Assert.False(reservedName.IsFatal);
    }

    [Fact]
    public async Task Submit_fails_the_run_at_once_with_the_kubelets_message_and_does_not_wait_for_the_Job()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Schedule();
            RefuseToCreate(pod, "flow", RunAsRoot);
            // Were the problem waited on, only the Job's own failure would end the run, much later.
            await Task.Delay(TimeSpan.FromSeconds(20));
            pod.FailJob("BackoffLimitExceeded", "Job has reached the specified backoff limit");
        };
        var clock = Stopwatch.StartNew();

        var result = await KubernetesCli.RunAsync(api, TestFlows.Create(), "submit", "--wait", "--flow-run-id", "run-as-root",
            "--evidence-dir", KubernetesCli.TempFolder(api, "run-as-root"));

        Assert.True(result.ExitCode == ExitCodes.Failed, result.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}: {result}");
        var line = Assert.Single(result.ErrorLines, l => l.Contains("CreateContainerConfigError", StringComparison.Ordinal));
        Assert.StartsWith("error: pod ", line);
        Assert.Contains(": CreateContainerConfigError: container 'flow': " + RunAsRoot, line);
        Assert.DoesNotContain("(event Failed", line);
        Assert.DoesNotContain("BackoffLimitExceeded", result.Error);
    }

    [Fact]
    public async Task A_pod_task_fails_at_once_with_the_kubelets_message_and_its_pod_is_deleted()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Schedule();
            RefuseToCreate(pod, PodTaskFlow.Primary, RunAsRoot.Replace("container: flow", "container: " + PodTaskFlow.Primary));
            await Task.CompletedTask;
        };
        var clock = Stopwatch.StartNew();

        var run = await PodTaskRun.RunAsync(api, "pod-run-as-root", new KubernetesPodTaskRunnerOptions { ProblemTimeout = TimeSpan.FromSeconds(60) });

        Assert.True(run.PodTask.State == TaskRunState.Failed, run.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}: {run}");
        var message = run.PodTask.Error?.Message ?? "";
        Assert.True(message.Contains("could not run: ", StringComparison.Ordinal) && message.Contains("CreateContainerConfigError", StringComparison.Ordinal)
            && message.Contains("image will run as root", StringComparison.Ordinal) && !message.Contains(" for 60 s", StringComparison.Ordinal), run.ToString());
        Assert.Contains(run.Log.Entries, e => e.Level >= LogLevel.Warning && e.Message.Contains("CreateContainerConfigError", StringComparison.Ordinal) && !e.Message.Contains('\n'));
        Assert.Single(run.Api.RequestsTo("DELETE", "/pods/" + run.PodName));
    }
}
