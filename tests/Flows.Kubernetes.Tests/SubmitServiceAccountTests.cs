using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Kubernetes.Tests.ApiDouble;
using Flows.Kubernetes.Tests.Support;
using Flows.Manifests;

namespace Flows.Kubernetes.Tests;

/// <summary>
/// A Job whose service account does not exist never gets a pod (the API server's ServiceAccount admission refuses it),
/// so submit checks the account first and says how to create it, instead of waiting for a pod that never comes.
/// </summary>
public class SubmitServiceAccountTests
{
    private const string Flow = "k8s test flow";

    private static string JobSpecNaming(string account) =>
        TestFlows.JobSpecWithSidecar.Replace("\"restartPolicy\": \"Never\",", $"\"restartPolicy\": \"Never\", \"serviceAccountName\": \"{account}\",");

    private static void AddServiceAccount(KubernetesApiDouble api, string name) =>
        api.Store.Add("serviceaccounts", TestFlows.Namespace, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ServiceAccount",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = TestFlows.Namespace },
        });

    [Fact]
    public async Task A_missing_flow_account_is_a_usage_error_that_says_to_apply_render_rbac_and_no_job_is_created()
    {
        await using var api = new KubernetesApiDouble();
        var flow = TestFlows.Create(JobSpecNaming(PodTaskRbac.NameFor(Flow)));

        var result = await KubernetesCli.RunAsync(api, flow, "submit", "--flow-run-id", "no-account-1", "--wait");

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.Contains($"error: service account {TestFlows.Namespace}/flows-k8s-test-flow does not exist: the Job of flow '{Flow}' runs under it", result.Error);
        Assert.Contains($"render --rbac --flow '{Flow}' --namespace {TestFlows.Namespace} | kubectl apply -f -", result.Error);
        Assert.Empty(api.JobPostBodies);
    }

    [Fact]
    public async Task A_missing_account_the_spec_names_says_to_create_it()
    {
        await using var api = new KubernetesApiDouble();
        var flow = TestFlows.Create(JobSpecNaming("batch-runner"));

        var result = await KubernetesCli.RunAsync(api, flow, "submit", "--flow-run-id", "no-account-2");

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.Contains($"kubectl create serviceaccount -n {TestFlows.Namespace} batch-runner", result.Error);
        Assert.Empty(api.JobPostBodies);
    }

    [Fact]
    public async Task An_existing_account_lets_the_job_be_created()
    {
        await using var api = new KubernetesApiDouble();
        AddServiceAccount(api, "flows-k8s-test-flow");
        var flow = TestFlows.Create(JobSpecNaming("flows-k8s-test-flow"));

        var result = await KubernetesCli.RunAsync(api, flow, "submit", "--flow-run-id", "account-1");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Single(api.JobPostBodies);
    }

    [Fact]
    public async Task A_submitter_who_may_not_read_service_accounts_still_submits()
    {
        await using var api = new KubernetesApiDouble();
        api.Deny("get", "serviceaccounts");
        var flow = TestFlows.Create(JobSpecNaming("flows-k8s-test-flow"));

        var result = await KubernetesCli.RunAsync(api, flow, "submit", "--flow-run-id", "account-2");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Single(api.JobPostBodies);
    }

    [Fact]
    public async Task A_job_that_names_no_account_is_not_checked()
    {
        await using var api = new KubernetesApiDouble();

        var result = await KubernetesCli.RunAsync(api, TestFlows.Create(), "submit", "--flow-run-id", "account-3");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.DoesNotContain(api.Requests, r => r.Path.Contains("/serviceaccounts/", System.StringComparison.Ordinal));
    }
}
