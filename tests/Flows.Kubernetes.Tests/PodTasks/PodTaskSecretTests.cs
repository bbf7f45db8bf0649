using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Flows.Kubernetes.Tests.ApiDouble;
using Flows.Kubernetes.Tests.Support;
using Flows.Manifests;

namespace Flows.Kubernetes.Tests.PodTasks;

/// <summary>A pod task's inputs and the run's secret parameters reach its Pod only through a per-pod Secret.</summary>
public class PodTaskSecretTests
{
    private const string SecretValue = "s3cr3t-token-4f9a";
    private const string Primary = PodTaskFlow.Primary;

    private static FlowParameterValues Parameters => FlowParameterValues.From(("apiToken", SecretValue), ("region", "us"));

    private static Func<ScriptedPod, Task> MeasureAndCheckToken(KubernetesApiDouble api) => async pod =>
    {
        pod.Schedule();
        pod.Start();
        // What run-task gets in the container: the token from FLOWS__PARAM__APITOKEN, resolved from the Secret as the kubelet does.
        var token = pod.EnvOf(Primary, "FLOWS__PARAM__APITOKEN");
        pod.Exit(Primary, token == SecretValue ? 0 : 7, terminationMessage: token == SecretValue
            ? PodTaskFlow.MeasureFromInputs(pod)
            : PodTaskMessage.Error(new InvalidOperationException("the pod did not receive the token")));
        await Task.CompletedTask;
    };

    [Fact]
    public async Task The_pod_spec_holds_no_secret_value_and_no_inputs_yet_the_task_receives_both()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = MeasureAndCheckToken(api);

        var run = await PodTaskRun.RunAsync(api, "secret-in-secret", parameters: Parameters);

        Assert.True(run.Flow.IsSuccess, run.ToString());
        Assert.True(run.Executor.Reported == "{\"size\":42}", run.ToString());
        var podText = run.Api.PodPostBodies.Single();
        Assert.DoesNotContain(SecretValue, podText);
        Assert.DoesNotContain("{\"value\":21}", podText);
        Assert.DoesNotContain("\\u0022value\\u0022", podText);
        var primary = run.PostedPod["spec"]!["containers"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == Primary)!;
        // The plain parameter stays an argument; the secret one is not.
        Assert.Equal("""["run-task","--flow","pod task flow","--task","measure","--param","region=us"]""", primary["args"]!.ToJsonString());
        var token = primary["env"]!.AsArray().Single(e => e!["name"]!.GetValue<string>() == "FLOWS__PARAM__APITOKEN")!;
        Assert.Equal("""{"name":"FLOWS__PARAM__APITOKEN","valueFrom":{"secretKeyRef":{"name":"POD-inputs","key":"FLOWS__PARAM__APITOKEN"}}}""".Replace("POD", run.PodName, StringComparison.Ordinal),
            token.ToJsonString());
        Assert.DoesNotContain(SecretValue, run.Log.ToString());
        Assert.DoesNotContain(SecretValue, run.ToString().Replace(api.SecretPostBodies.Single(), "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_secret_is_created_before_the_pod_owned_by_it_and_deleted_after_it()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = MeasureAndCheckToken(api);

        var run = await PodTaskRun.RunAsync(api, "secret-lifetime", parameters: Parameters);

        Assert.True(run.Flow.IsSuccess, run.ToString());
        var secretName = run.PodName + "-inputs";
        var order = api.Requests.Where(r => r.Method != "GET").Select(r => r.Method + " " + r.Path).ToList();
        var ns = TestFlows.Namespace;
        Assert.True(order.SequenceEqual([
            $"POST /api/v1/namespaces/{ns}/secrets",
            $"POST /api/v1/namespaces/{ns}/pods",
            $"PATCH /api/v1/namespaces/{ns}/secrets/{secretName}",
            $"DELETE /api/v1/namespaces/{ns}/pods/{run.PodName}",
            $"DELETE /api/v1/namespaces/{ns}/secrets/{secretName}",
        ]), string.Join("\n", order));
        var posted = (JsonObject)JsonNode.Parse(api.SecretPostBodies.Single())!;
        Assert.Equal(new[] { "FLOWS__PARAM__APITOKEN", "FLOWS__TASK__INPUTS" }, posted["data"]!.AsObject().Select(d => d.Key).OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal("measure", posted["metadata"]!["labels"]![RunLabels.Task]!.GetValue<string>());
        Assert.Equal(KubernetesRunInfo.IdentifierFor("secret-lifetime"), posted["metadata"]!["labels"]!["identifier"]!.GetValue<string>());
        var patch = JsonNode.Parse(api.RequestsTo("PATCH", "/secrets/" + secretName).Single().Body)!;
        var owner = patch["metadata"]!["ownerReferences"]![0]!;
        Assert.Equal("Pod", owner["kind"]!.GetValue<string>());
        Assert.Equal(run.PodName, owner["name"]!.GetValue<string>());
        Assert.StartsWith("00000000-", owner["uid"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(api.Store.Get("secrets", ns, secretName));
    }

    [Fact]
    public async Task Inputs_too_large_for_an_environment_variable_fail_the_task_before_anything_is_created()
    {
        await using var api = new KubernetesApiDouble();
        var large = "\"" + new string('x', 140 * 1024) + "\"";

        var run = await PodTaskRun.RunAsync(api, "inputs-too-large", inputValue: large);

        Assert.True(run.PodTask.State == TaskRunState.Failed, run.ToString());
        var message = run.PodTask.Error!.Message;
        Assert.Contains("Task 'measure' cannot start in pod", message);
        Assert.Contains("environment variable FLOWS__TASK__INPUTS is 143,393 bytes (the largest input is 'value', 143,362 bytes as JSON)", message);
        Assert.Contains("at most 131,072 bytes", message);
        Assert.Contains("a path on a volume the pods share, an object-store key", message);
        Assert.Empty(api.PodPostBodies);
        Assert.Empty(api.SecretPostBodies);
    }

    [Fact]
    public async Task A_refused_secret_fails_the_task_and_no_pod_is_created()
    {
        await using var api = new KubernetesApiDouble();
        api.Store.Add("secrets", TestFlows.Namespace, new JsonObject { ["metadata"] = new JsonObject { ["name"] = "measure-" + KubernetesRunInfo.IdentifierFor("taken")[..10] + "-1-inputs" } });

        var run = await PodTaskRun.RunAsync(api, "taken");

        Assert.True(run.PodTask.State == TaskRunState.Failed, run.ToString());
        Assert.Contains("Could not create Secret", run.PodTask.Error!.Message);
        Assert.Empty(api.PodPostBodies);
    }
}
