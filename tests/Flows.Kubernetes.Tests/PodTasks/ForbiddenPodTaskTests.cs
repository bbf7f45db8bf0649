using System;
using System.Linq;
using System.Threading.Tasks;
using Flows.Kubernetes.Tests.ApiDouble;
using Flows.Kubernetes.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Flows.Kubernetes.Tests.PodTasks;

/// <summary>
/// A pod task whose service account lacks a permission of the flow's Role (the API double answers 403 as an RBAC
/// API server does): one line naming the account, the verb, the resource, the namespace and the fix — never a
/// swallowed error, a retry loop or a stack trace.
/// </summary>
public class ForbiddenPodTaskTests
{
    private const string Primary = PodTaskFlow.Primary;
    private const string Account = "service account flows-test/flows-pod-task-flow";
    private const string Fix = "render --rbac --flow 'pod task flow' --namespace flows-test | kubectl apply -f -";

    private static Func<ScriptedPod, Task> Succeeds => async pod =>
    {
        pod.Schedule();
        pod.Start();
        pod.Log(Primary, "measuring");
        pod.Exit(Primary, 0, terminationMessage: PodTaskFlow.MeasureFromInputs(pod));
        await Task.CompletedTask;
    };

    [Fact]
    public async Task Creating_the_pod_refused_fails_the_task_with_one_line_naming_the_account_the_verb_and_the_fix()
    {
        await using var api = new KubernetesApiDouble();
        api.Deny("create", "pods");

        var run = await PodTaskRun.RunAsync(api, "forbidden-create");

        Assert.True(run.PodTask.State == TaskRunState.Failed, run.ToString());
        var message = run.PodTask.Error?.Message ?? "";
        Assert.True(message.Contains($"{Account} may not create pods in namespace flows-test (403 Forbidden); grant the flow's Role: ", StringComparison.Ordinal), message);
        Assert.True(message.EndsWith(Fix, StringComparison.Ordinal), message);
        Assert.DoesNotContain('\n', message);
        Assert.True(run.PodTask.Error is PodTaskException, run.ToString());
        // Refused at once (403 is not retried) and no pod to delete: it never existed; its inputs Secret is deleted.
        Assert.Single(api.RequestsTo("POST", "/pods"));
        Assert.DoesNotContain(api.Requests, r => r.Method == "DELETE" && r.Path.Contains("/pods/", StringComparison.Ordinal));
        Assert.Single(api.Requests, r => r.Method == "DELETE" && r.Path.Contains("/secrets/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Creating_the_inputs_secret_refused_fails_the_task_with_one_line_and_deletes_nothing_it_never_made()
    {
        // Without the flow's Role the first request a pod task makes is its inputs Secret's (the lane's RBAC test found it).
        await using var api = new KubernetesApiDouble();
        api.Deny("create", "secrets");
        api.Deny("delete", "secrets");
        api.Deny("delete", "pods");

        var run = await PodTaskRun.RunAsync(api, "forbidden-secret");

        Assert.True(run.PodTask.State == TaskRunState.Failed, run.ToString());
        var message = run.PodTask.Error?.Message ?? "";
        Assert.True(message.Contains($"{Account} may not create secrets in namespace flows-test (403 Forbidden); grant the flow's Role: ", StringComparison.Ordinal), message);
        Assert.True(message.EndsWith(Fix, StringComparison.Ordinal), message);
        Assert.DoesNotContain('\n', message);
        Assert.Empty(api.RequestsTo("POST", "/pods"));
        Assert.DoesNotContain(api.Requests, r => r.Method == "DELETE");
        Assert.DoesNotContain(run.Log.Entries, e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task Listing_events_refused_is_a_warning_line_and_the_pod_problem_is_still_reported()
    {
        await using var api = new KubernetesApiDouble();
        api.Deny("list", "events");
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.FailImagePull(Primary, "rpc error: manifest unknown");
            await Task.CompletedTask;
        };

        var run = await PodTaskRun.RunAsync(api, "forbidden-events");

        Assert.True(run.PodTask.State == TaskRunState.Failed, run.ToString());
        Assert.Contains("ImagePullBackOff", run.PodTask.Error?.Message ?? "");
        var warning = Assert.Single(run.Log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("events", StringComparison.Ordinal));
        Assert.True(warning.Message.StartsWith($"could not read the events of pod {run.PodName}: {Account} may not list events in namespace flows-test (403 Forbidden); ", StringComparison.Ordinal), run.ToString());
        Assert.True(warning.Message.EndsWith(Fix, StringComparison.Ordinal), run.ToString());
    }

    [Fact]
    public async Task Reading_the_log_refused_fails_the_task_rather_than_passing_with_an_empty_log()
    {
        await using var api = new KubernetesApiDouble();
        api.Deny("get", "pods/log");
        api.PodScript = Succeeds;

        var run = await PodTaskRun.RunAsync(api, "forbidden-log");

        Assert.True(run.PodTask.State == TaskRunState.Failed, run.ToString());
        var message = run.PodTask.Error?.Message ?? "";
        Assert.True(message.Contains($"{Account} may not get pods/log in namespace flows-test (403 Forbidden); grant the flow's Role: ", StringComparison.Ordinal), run.ToString());
        Assert.Single(api.Requests, r => r.IsLog);
        Assert.Single(api.RequestsTo("DELETE", "/pods/" + run.PodName));
    }

    [Theory]
    [InlineData("list")]
    [InlineData("watch")]
    public async Task Following_the_pod_refused_fails_the_task_naming_the_verb_and_deletes_the_pod(string verb)
    {
        await using var api = new KubernetesApiDouble();
        api.Deny(verb, "pods");
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            // Still running when the list comes back: only the watch could tell of the end.
            await pod.WaitUntilAsync(a => a.Requests.Any(r => r.IsWatchOf("pods") || (verb == "list" && r.IsListOf("pods"))), "follow the pod");
            pod.Exit(Primary, 0, terminationMessage: PodTaskFlow.MeasureFromInputs(pod));
        };

        var run = await PodTaskRun.RunAsync(api, "forbidden-" + verb);

        Assert.True(run.PodTask.State == TaskRunState.Failed, run.ToString());
        var message = run.PodTask.Error?.Message ?? "";
        Assert.True(message.Contains($"{Account} may not {verb} pods in namespace flows-test (403 Forbidden); grant the flow's Role: ", StringComparison.Ordinal), run.ToString());
        Assert.Single(api.RequestsTo("DELETE", "/pods/" + run.PodName));
    }

    [Fact]
    public async Task Deleting_the_pod_refused_is_a_warning_that_says_what_is_left_and_how_to_remove_it()
    {
        await using var api = new KubernetesApiDouble();
        api.Deny("delete", "pods");
        api.PodScript = Succeeds;

        var run = await PodTaskRun.RunAsync(api, "forbidden-delete");

        Assert.True(run.PodTask.State == TaskRunState.Success, run.ToString());
        var warning = Assert.Single(run.Log.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Could not delete pod", StringComparison.Ordinal));
        Assert.True(warning.Message.Contains($"{Account} may not delete pods in namespace flows-test (403 Forbidden)", StringComparison.Ordinal), run.ToString());
        Assert.True(warning.Message.Contains($"kubectl delete pod -n flows-test {run.PodName}", StringComparison.Ordinal), run.ToString());
    }

    [Fact]
    public void A_user_who_is_not_a_service_account_is_told_which_permission_to_ask_for_not_to_apply_the_flow_role()
    {
        var refused = KubernetesApiException.FromResponse(System.Net.HttpStatusCode.Forbidden,
            """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Forbidden","code":403,"message":"pods is forbidden: User \"jane\" cannot create resource \"pods\" in API group \"\" in the namespace \"batch\""}""",
            "POST", "api/v1/namespaces/batch/pods", 1);

        var line = ForbiddenAccess.Line(refused, "create", "pods", "batch", "pod task flow");

        Assert.Equal("user \"jane\" may not create pods in namespace batch (403 Forbidden); ask for a Role with pods: create in namespace batch (the one 'render --rbac' prints lists what Flows needs).", line);
    }
}
