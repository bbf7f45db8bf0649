using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Kubernetes.Tests.ApiDouble;
using Flows.Kubernetes.Tests.Support;

namespace Flows.Kubernetes.Tests.SecretParameters;

/// <summary>submit and render of a flow with a secret parameter, through the command line: the value reaches only the Secret.</summary>
public class SubmitSecretParameterTests
{
    [Fact]
    public async Task Submit_puts_the_secret_from_the_environment_into_a_secret_created_before_the_job_and_owned_by_it()
    {
        const string value = "tok-env-5ecr3t-1";
        var flow = SecretParameterFlow.Create("submitEnvToken");
        using var variable = new EnvironmentVariableScope("FLOWS__PARAM__SUBMITENVTOKEN", value);
        await using var api = new KubernetesApiDouble();

        var result = await KubernetesCli.RunAsync(api, flow, "submit", "--flow-run-id", "secret-env-1", "--param", "region=us");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var run = TestFlows.RunInfo(flow, "secret-env-1");
        var secretName = run.JobName + "-params";
        Assert.Equal(run.JobName + Environment.NewLine, result.Output);
        Assert.Equal("", result.Error);

        var requests = api.Requests.ToList();
        var secretPost = requests.FindIndex(r => r.Method == "POST" && r.Path == $"/api/v1/namespaces/{TestFlows.Namespace}/secrets");
        var jobPost = requests.FindIndex(r => r.Method == "POST" && r.Path == $"/apis/batch/v1/namespaces/{TestFlows.Namespace}/jobs");
        var ownerPatch = requests.FindIndex(r => r.Method == "PATCH" && r.Path == $"/api/v1/namespaces/{TestFlows.Namespace}/secrets/{secretName}");
        Assert.True(secretPost >= 0 && secretPost < jobPost && jobPost < ownerPatch, string.Join("\n", requests));

        var secretBody = JsonNode.Parse(Assert.Single(api.SecretPostBodies))!;
        Assert.Equal(secretName, secretBody["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal(["FLOWS__PARAM__SUBMITENVTOKEN"], secretBody["data"]!.AsObject().Select(d => d.Key).ToArray());
        Assert.Equal(value, api.SecretValue(TestFlows.Namespace, secretName, "FLOWS__PARAM__SUBMITENVTOKEN"));
        var job = api.Store.Get("jobs", TestFlows.Namespace, run.JobName)!;
        var owner = Assert.Single(api.Store.Get("secrets", TestFlows.Namespace, secretName)!["metadata"]!["ownerReferences"]!.AsArray())!;
        Assert.Equal("Job", owner["kind"]!.GetValue<string>());
        Assert.Equal(run.JobName, owner["name"]!.GetValue<string>());
        Assert.Equal(job["metadata"]!["uid"]!.GetValue<string>(), owner["uid"]!.GetValue<string>());

        var jobBody = Assert.Single(api.JobPostBodies);
        var container = JsonNode.Parse(jobBody)!["spec"]!["template"]!["spec"]!["containers"]![0]!;
        var env = container["env"]!.AsArray().Single(e => e!["name"]!.GetValue<string>() == "FLOWS__PARAM__SUBMITENVTOKEN")!;
        Assert.Null(env["value"]);
        Assert.Equal(secretName, env["valueFrom"]!["secretKeyRef"]!["name"]!.GetValue<string>());
        Assert.Equal("FLOWS__PARAM__SUBMITENVTOKEN", env["valueFrom"]!["secretKeyRef"]!["key"]!.GetValue<string>());
        Assert.Null(env["valueFrom"]!["secretKeyRef"]!["optional"]);
        // The plain parameter goes into the args; the secret does not.
        var args = container["args"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.Contains("region=us", args);
        Assert.DoesNotContain(args, a => a.StartsWith("submitEnvToken", StringComparison.Ordinal));
        AssertNowhere(value, jobBody, result.Output, result.Error);
    }

    [Fact]
    public async Task Submit_with_the_secret_as_param_works_warns_once_and_keeps_it_out_of_the_job()
    {
        const string value = "tok-param-5ecr3t-2";
        var flow = SecretParameterFlow.Create("submitParamToken");
        await using var api = new KubernetesApiDouble();

        var result = await KubernetesCli.RunAsync(api, flow, "submit", "--flow-run-id", "secret-param-1", "--param", "submitParamToken=" + value);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var run = TestFlows.RunInfo(flow, "secret-param-1");
        var warning = Assert.Single(result.ErrorLines);
        Assert.Equal("warning: flow parameter 'submitParamToken' is secret, and --param shows it in the process list and the shell history: " +
            "set FLOWS__PARAM__SUBMITPARAMTOKEN instead.", warning);
        Assert.Equal(value, api.SecretValue(TestFlows.Namespace, run.JobName + "-params", "FLOWS__PARAM__SUBMITPARAMTOKEN"));
        var jobBody = Assert.Single(api.JobPostBodies);
        Assert.Contains("\"secretKeyRef\":{\"name\":\"" + run.JobName + "-params\",\"key\":\"FLOWS__PARAM__SUBMITPARAMTOKEN\"}", jobBody);
        AssertNowhere(value, jobBody, result.Output, result.Error);
    }

    [Fact]
    public async Task Submit_without_the_required_secret_names_its_variable_and_creates_nothing()
    {
        var flow = SecretParameterFlow.Create("submitMissingToken");
        await using var api = new KubernetesApiDouble();

        var result = await KubernetesCli.RunAsync(api, flow, "submit", "--flow-run-id", "secret-missing-1");

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.Equal(["error: flow parameter 'submitMissingToken' is required and secret: set the environment variable FLOWS__PARAM__SUBMITMISSINGTOKEN."],
            result.ErrorLines);
        Assert.Empty(api.SecretPostBodies);
        Assert.Empty(api.JobPostBodies);
    }

    [Fact]
    public async Task A_second_submit_with_the_same_flow_run_id_is_a_usage_error_and_leaves_the_first_runs_secret()
    {
        const string value = "tok-twice-5ecr3t-3";
        var flow = SecretParameterFlow.Create("submitTwiceToken");
        using var variable = new EnvironmentVariableScope("FLOWS__PARAM__SUBMITTWICETOKEN", value);
        await using var api = new KubernetesApiDouble();
        var first = await KubernetesCli.RunAsync(api, flow, "submit", "--flow-run-id", "secret-twice-1");
        Assert.True(first.ExitCode == ExitCodes.Success, first.ToString());

        var second = await KubernetesCli.RunAsync(api, flow, "submit", "--flow-run-id", "secret-twice-1");

        Assert.True(second.ExitCode == ExitCodes.UsageError, second.ToString());
        var run = TestFlows.RunInfo(flow, "secret-twice-1");
        Assert.Equal([$"error: Secret {TestFlows.Namespace}/{run.JobName}-params already exists: flow run id 'secret-twice-1' was submitted before. " +
            $"Use another --flow-run-id, or remove the old run with: cleanup --flow-run-id secret-twice-1 --namespace {TestFlows.Namespace}"], second.ErrorLines);
        Assert.Equal("", second.Output);
        Assert.Single(api.JobPostBodies);
        Assert.DoesNotContain(api.Requests, r => r.Method == "DELETE");
        Assert.Equal(value, api.SecretValue(TestFlows.Namespace, run.JobName + "-params", "FLOWS__PARAM__SUBMITTWICETOKEN"));
        AssertNowhere(value, second.Output, second.Error);
    }

    [Fact]
    public async Task Render_prints_the_secret_key_ref_and_a_note_naming_the_secret_and_key_but_never_the_value()
    {
        const string value = "tok-render-5ecr3t-4";
        var flow = SecretParameterFlow.Create("renderToken");
        using var variable = new EnvironmentVariableScope("FLOWS__PARAM__RENDERTOKEN", value);
        await using var api = new KubernetesApiDouble();

        var result = await KubernetesCli.RunAsync(api, flow, "render", "--flow-run-id", "secret-render-1");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var run = TestFlows.RunInfo(flow, "secret-render-1");
        var secretName = run.JobName + "-params";
        Assert.Contains($"""
                    - name: FLOWS__PARAM__RENDERTOKEN
                      valueFrom:
                        secretKeyRef:
                          name: {secretName}
                          key: FLOWS__PARAM__RENDERTOKEN
            """.ReplaceLineEndings("\n"), result.Output.ReplaceLineEndings("\n"));
        var note = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"note: the Job reads its secret parameters from Secret {TestFlows.Namespace}/{secretName}, keys FLOWS__PARAM__RENDERTOKEN; ", note);
        Assert.EndsWith($"kubectl create secret generic {secretName} -n {TestFlows.Namespace} --from-file=FLOWS__PARAM__RENDERTOKEN=./renderToken.txt", note);
        AssertNowhere(value, result.Output, result.Error);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Render_with_the_secret_as_param_warns_and_still_prints_only_the_reference()
    {
        const string value = "tok-render-param-5ecr3t-5";
        var flow = SecretParameterFlow.Create("renderParamToken");
        await using var api = new KubernetesApiDouble();

        var result = await KubernetesCli.RunAsync(api, flow, "render", "--flow-run-id", "secret-render-2", "--param", "renderParamToken=" + value);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(2, result.ErrorLines.Count);
        Assert.StartsWith("warning: flow parameter 'renderParamToken' is secret, and --param shows it", result.ErrorLines[0]);
        Assert.StartsWith("note: the Job reads its secret parameters from Secret ", result.ErrorLines[1]);
        Assert.Contains("secretKeyRef:", result.Output);
        AssertNowhere(value, result.Output, result.Error);
    }

    [Fact]
    public async Task The_evidence_of_a_failed_run_never_holds_the_secret_value()
    {
        const string value = "tok-evidence-5ecr3t-6";
        var flow = SecretParameterFlow.Create("evidenceToken");
        using var variable = new EnvironmentVariableScope("FLOWS__PARAM__EVIDENCETOKEN", value);
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            pod.Log("flow", "UseToken: Running", "UseToken: Failed: rejected");
            pod.Exit("flow", 1);
            await Task.CompletedTask;
        };
        var root = KubernetesCli.TempFolder(api, "evidence-secret-params");
        var settings = KubernetesCli.Settings(api, evidenceRoot: root);

        var result = await KubernetesCli.RunAsync(api, settings, [flow], default, "submit", "--wait", "--flow-run-id", "secret-evidence-1");

        Assert.True(result.ExitCode == ExitCodes.Failed, result.ToString());
        var run = TestFlows.RunInfo(flow, "secret-evidence-1");
        var folder = Path.Combine(root, run.JobName);
        Assert.Contains($"Evidence of the failed run saved in {folder} ", result.Error);
        var files = Directory.GetFiles(folder);
        Assert.Contains(files, f => Path.GetFileName(f) == "job.yaml");
        Assert.Contains(files, f => Path.GetFileName(f).StartsWith("pod-", StringComparison.Ordinal) && f.EndsWith(".json", StringComparison.Ordinal));
        // The reference is kept (it says where the value came from); the value is in no file.
        Assert.Contains("key: FLOWS__PARAM__EVIDENCETOKEN", File.ReadAllText(Path.Combine(folder, "job.yaml")));
        AssertNowhere(value, files.Select(File.ReadAllText).Append(result.Output).Append(result.Error).ToArray());
    }

    /// <summary>Neither the value nor its base64 form (as a Secret's data holds it).</summary>
    private static void AssertNowhere(string value, params string[] texts)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
        foreach (var text in texts)
        {
            Assert.DoesNotContain(value, text);
            Assert.DoesNotContain(encoded, text);
        }
    }
}
