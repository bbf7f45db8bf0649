using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Flows.Cluster.Tests.Support;

namespace Flows.Cluster.Tests;

/// <summary>
/// Issue 13 on the real cluster, whose API server authorizes with Node,RBAC: a flow Job may do only what its Role
/// grants, its containers run with the restricted profile's settings, a secret parameter reaches them only through
/// Secrets, and a container the kubelet refuses fails the task at once.
/// </summary>
public class SecurityOnClusterTests
{
    private const string InJobFlow = "cluster-pod-task-in-job";
    private const string RestrictedFlow = "cluster-restricted";
    private const string RefusedRootFlow = "cluster-refused-root";

    /// <summary>What ClusterApp's ProcessSecurity reports for a container with Flows' restricted defaults: uid/gid 1654, no new privileges, seccomp filter mode, no capabilities, read-only root, writable /tmp.</summary>
    private const string RestrictedSettings = "uid=1654 gid=1654 no_new_privs=1 seccomp=2 cap_eff=0000000000000000 root_fs=read-only tmp=writable";

    [ClusterFact]
    public async Task Without_its_Role_the_flow_job_may_not_create_its_pod_task_and_says_so_in_one_line()
    {
        var image = await FlowApp.ClusterApp.PushedImageAsync(InJobFlow);
        await using var ns = await TestNamespace.CreateAsync("no-role");
        var account = await ApplyRbacAsync(ns.Name, InJobFlow);
        var unbound = await LaneCluster.KubectlAsync("delete", "rolebinding", account, "-n", ns.Name);
        Assert.True(unbound.ExitCode == 0, unbound.ToString());
        var run = new SubmitRun(FlowApp.ClusterApp, InJobFlow, ns.Name, image);

        var result = await run.SubmitAsync();

        Assert.True(result.ExitCode != 0, "the run succeeded without its RoleBinding:\n" + result);
        // The first thing a pod task creates is its inputs Secret, then its Pod.
        var refusal = $"service account {ns.Name}/{account} may not create secrets in namespace {ns.Name} (403 Forbidden); grant the flow's Role:";
        Assert.True(result.All.Contains(refusal, StringComparison.Ordinal), $"no line '{refusal}':\n{result}");
        Assert.DoesNotContain("Could not delete", result.All);
        Assert.Contains($"render --rbac --flow {InJobFlow} --namespace {ns.Name}", result.All);
        Assert.DoesNotContain("KubernetesApiException", result.All);
        Assert.DoesNotContain("   at Flows.", result.All);
        await LaneCluster.AssertNothingLeftAsync(ns.Name, run.Identifier, TimeSpan.FromSeconds(90));
    }

    [ClusterFact]
    public async Task Each_flow_gets_its_own_account_and_role_which_grant_only_what_the_runtime_uses_and_nothing_to_the_default_account()
    {
        await using var ns = await TestNamespace.CreateAsync("two-flows");
        var first = await ApplyRbacAsync(ns.Name, InJobFlow);
        var second = await ApplyRbacAsync(ns.Name, RestrictedFlow);
        Assert.NotEqual(first, second);

        var bindings = await LaneCluster.KubectlAsync("get", "rolebindings", "-n", ns.Name, "-o",
            "jsonpath={range .items[*]}{.metadata.name}={.roleRef.name}={.subjects[0].kind}/{.subjects[0].name}{\"\\n\"}{end}");
        Assert.True(bindings.ExitCode == 0, bindings.ToString());
        Assert.Equal(new[] { $"{first}={first}=ServiceAccount/{first}", $"{second}={second}=ServiceAccount/{second}" }.OrderBy(b => b, StringComparer.Ordinal),
            bindings.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).OrderBy(b => b, StringComparer.Ordinal));

        // The real API server's authorizer is the judge (kubectl auth can-i --as, a SubjectAccessReview).
        foreach (var account in new[] { first, second })
        {
            var user = $"system:serviceaccount:{ns.Name}:{account}";
            foreach (var (verb, resource) in new[] { ("create", "pods"), ("watch", "pods"), ("delete", "pods"), ("get", "pods/log"), ("list", "events"), ("create", "secrets"), ("patch", "secrets") })
            {
                Assert.True(await CanAsync(user, verb, resource, ns.Name), $"{user} may not {verb} {resource}, which the pod task runner needs");
            }
            foreach (var (verb, resource) in new[] { ("get", "secrets"), ("list", "secrets"), ("create", "jobs"), ("create", "pods/exec"), ("create", "rolebindings"), ("update", "pods") })
            {
                Assert.False(await CanAsync(user, verb, resource, ns.Name), $"{user} may {verb} {resource}, which Flows never does");
            }
            Assert.False(await CanAsync(user, "create", "pods", "default"), $"{user} may create pods outside its namespace");
        }
        Assert.False(await CanAsync($"system:serviceaccount:{ns.Name}:default", "create", "pods", ns.Name), "the namespace's default account may create pods");
    }

    [ClusterFact]
    public async Task The_flow_job_and_its_pod_task_run_restricted_and_see_a_secret_parameter_that_no_pod_or_job_shows()
    {
        var image = await FlowApp.ClusterApp.PushedImageAsync(InJobFlow);
        await using var ns = await TestNamespace.CreateAsync("restricted");
        await ApplyRbacAsync(ns.Name, RestrictedFlow);
        var secret = "lane-token-" + Guid.NewGuid().ToString("N");
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));
        var run = new SubmitRun(FlowApp.ClusterApp, RestrictedFlow, ns.Name, image);

        using var submit = run.Start(new Dictionary<string, string> { [Flows.SecretParameterVariables.NameFor("apiToken")] = secret });
        // While it runs: all that 'get pods' and 'get jobs' show of the run (what anyone with read access to the namespace sees).
        var snapshots = new List<string>();
        var limit = DateTime.UtcNow + TimeSpan.FromMinutes(4);
        while (!submit.HasExited && DateTime.UtcNow < limit)
        {
            var got = await LaneCluster.KubectlAsync("get", "pods,jobs", "-n", ns.Name, "-o", "yaml");
            snapshots.Add(got.Output);
            await Task.Delay(300);
        }
        var result = await submit.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 0, result.ToString());
        var token = Hash(secret);
        Assert.Contains($"restricted-report: job {RestrictedSettings} token={token}", result.Output);
        Assert.Contains($"restricted-report: pod {RestrictedSettings} token={token}", result.Output);
        Assert.True(snapshots.Any(s => s.Contains("name: in-pod-", StringComparison.Ordinal)), "the pod task's Pod was never seen while the run went on");
        Assert.True(snapshots.Any(s => s.Contains("secretKeyRef", StringComparison.Ordinal)), "no Pod or Job read a Secret");
        Assert.DoesNotContain(snapshots, s => s.Contains(secret, StringComparison.Ordinal) || s.Contains(base64, StringComparison.Ordinal));
        Assert.DoesNotContain(secret, result.All);
        await LaneCluster.AssertNothingLeftAsync(ns.Name, run.Identifier, TimeSpan.FromSeconds(90));
    }

    [ClusterFact]
    public async Task A_container_the_kubelet_refuses_to_run_as_non_root_fails_its_task_at_once_with_the_kubelets_reason()
    {
        var image = await FlowApp.ClusterApp.PushedImageAsync(InJobFlow);
        await using var ns = await TestNamespace.CreateAsync("refused-root");
        var flowRunId = "lane-" + Guid.NewGuid().ToString("N")[..12];

        // The task's timeout is 300 s: ending within this step's 2 minutes shows the refusal was not waited on.
        var result = await FlowApp.ClusterApp.RunAsync(TimeSpan.FromMinutes(2),
            "run", "--flow", RefusedRootFlow, "--pod-tasks", "kubernetes", "--namespace", ns.Name, "--image", image, "--flow-run-id", flowRunId);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("CreateContainerConfigError", result.All);
        Assert.Contains("runAsNonRoot", result.All);
        Assert.Matches(@"AsNonRoot\s+Failed\s+1", result.Output);
        await LaneCluster.AssertNothingLeftAsync(ns.Name, Flows.Manifests.KubernetesRunInfo.IdentifierFor(flowRunId), TimeSpan.FromSeconds(90));
    }

    /// <summary>Applies the flow's <c>render --rbac</c> in the namespace; returns the name of its ServiceAccount, Role and RoleBinding.</summary>
    private static async Task<string> ApplyRbacAsync(string @namespace, string flow)
    {
        var rbac = await FlowApp.ClusterApp.RunAsync("render", "--flow", flow, "--rbac", "--namespace", @namespace);
        Assert.True(rbac.ExitCode == 0, rbac.ToString());
        var applied = await LaneCluster.KubectlWithFileAsync(rbac.Output, "apply", "--namespace", @namespace);
        Assert.True(applied.ExitCode == 0, "the real API server refused the rendered RBAC:\n" + applied + "\n" + rbac.Output);
        var account = Regex.Match(rbac.Output, @"kind: ServiceAccount\s+metadata:\s+name: (?<name>\S+)");
        Assert.True(account.Success, "render --rbac printed no ServiceAccount:\n" + rbac.Output);
        return account.Groups["name"].Value;
    }

    /// <summary>As ClusterApp's RestrictedFlow.Hash: what the tasks print instead of the value.</summary>
    private static string Hash(string value) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];

    private static async Task<bool> CanAsync(string user, string verb, string resource, string @namespace)
    {
        // kubectl reads "pods/log" as the pod named log: a subresource has its own flag.
        var parts = resource.Split('/', 2);
        string[] subresource = parts.Length == 2 ? ["--subresource", parts[1]] : [];
        var answer = await LaneCluster.KubectlAsync(["auth", "can-i", verb, parts[0], .. subresource, "-n", @namespace, "--as", user]);
        Assert.True(answer.Output.Trim() is "yes" or "no", "kubectl auth can-i gave no answer:\n" + answer);
        return answer.Output.Trim() == "yes";
    }
}
