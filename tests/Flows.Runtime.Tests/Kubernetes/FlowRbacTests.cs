using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Manifests;
using Flows.Runtime.Tests.Kubernetes.Support;

namespace Flows.Runtime.Tests.Kubernetes;

/// <summary>
/// Least privilege per flow: a flow Job with pod tasks runs under its own service account (unless its spec names one),
/// and <c>render --rbac</c> prints that account, a Role with exactly the runtime's verbs and a binding, all named after the flow.
/// </summary>
public class FlowRbacTests
{
    [Fact]
    public void A_flow_job_with_pod_tasks_runs_under_the_flows_own_account()
    {
        var job = RenderedJob.For(PodTasksInJobFlow.Definition).Job;

        Assert.Equal("flows-k8s-pod-tasks", (string?)job["spec"]!["template"]!["spec"]!["serviceAccountName"]);
    }

    [Fact]
    public void The_account_the_users_spec_names_wins()
    {
        var job = RenderedJob.For(OwnAccountFlow.Definition).Job;

        Assert.Equal("batch-runner", (string?)job["spec"]!["template"]!["spec"]!["serviceAccountName"]);
    }

    [Fact]
    public void A_flow_job_without_pod_tasks_gets_no_account()
    {
        foreach (var flow in new[] { Seed001Flow.Definition, NamespacedFlow.Definition, DefaultJobFlow.Definition })
        {
            var podSpec = RenderedJob.For(flow).Job["spec"]!["template"]!["spec"]!.AsObject();
            Assert.False(podSpec.ContainsKey("serviceAccountName"), flow.Name);
        }
    }

    [Fact]
    public async Task Render_rbac_prints_the_flows_account_a_role_of_exactly_the_runtimes_verbs_and_the_binding()
    {
        var render = await RenderAsync("render", "--flow", "k8s pod tasks", "--rbac", "--namespace", "batch");

        Assert.True(render.ExitCode == ExitCodes.Success, render.Error);
        var objects = Documents(render.Output);
        Assert.Equal(new[] { "ServiceAccount", "Role", "RoleBinding" }, objects.Select(o => (string?)o["kind"]));
        Assert.All(objects, o => Assert.Equal("flows-k8s-pod-tasks", (string?)o["metadata"]!["name"]));
        Assert.All(objects, o => Assert.Equal("batch", (string?)o["metadata"]!["namespace"]));
        var rules = objects[1]["rules"]!.AsArray().Select(r => (string)r!["resources"]![0]! + ": " + string.Join(",", r["verbs"]!.AsArray().Select(v => (string)v!))).ToList();
        Assert.Equal(new[] { "pods: create,get,list,watch,delete", "pods/log: get", "events: list", "secrets: create,patch,delete" }, rules);
        Assert.All(objects[1]["rules"]!.AsArray(), r => Assert.Equal("[\"\"]", r!["apiGroups"]!.ToJsonString()));
        var binding = objects[2];
        Assert.Equal("""{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"flows-k8s-pod-tasks"}""", binding["roleRef"]!.ToJsonString());
        Assert.Equal("""[{"kind":"ServiceAccount","name":"flows-k8s-pod-tasks","namespace":"batch"}]""", binding["subjects"]!.ToJsonString());
        Assert.DoesNotContain("default", render.Output);
    }

    [Fact]
    public async Task Render_rbac_of_a_spec_with_its_own_account_binds_that_account_and_creates_none()
    {
        var render = await RenderAsync("render", "--flow", "k8s pod tasks, own account", "--rbac", "--namespace", "batch");

        Assert.True(render.ExitCode == ExitCodes.Success, render.Error);
        var objects = Documents(render.Output);
        Assert.Equal(new[] { "Role", "RoleBinding" }, objects.Select(o => (string?)o["kind"]));
        Assert.Equal("flows-k8s-pod-tasks-own-account", (string?)objects[0]["metadata"]!["name"]);
        Assert.Equal("""[{"kind":"ServiceAccount","name":"batch-runner","namespace":"batch"}]""", objects[1]["subjects"]!.ToJsonString());
    }

    [Fact]
    public async Task Two_flows_render_objects_of_different_names_so_applying_the_second_keeps_the_first()
    {
        var first = Documents((await RenderAsync("render", "--flow", "k8s pod tasks", "--rbac", "--namespace", "batch")).Output);
        var second = Documents((await RenderAsync("render", "--flow", "k8s pod tasks, second flow", "--rbac", "--namespace", "batch")).Output);

        var firstKeys = first.Select(o => $"{o["kind"]}/{o["metadata"]!["name"]}").ToList();
        var secondKeys = second.Select(o => $"{o["kind"]}/{o["metadata"]!["name"]}").ToList();
        Assert.Empty(firstKeys.Intersect(secondKeys));
    }

    [Fact]
    public async Task Render_rbac_of_a_flow_without_pod_tasks_says_it_needs_none()
    {
        var render = await RenderAsync("render", "--flow", "k8s seed 001", "--rbac");

        Assert.Equal(ExitCodes.UsageError, render.ExitCode);
        Assert.Contains("flow 'k8s seed 001' has no pod tasks: its Job does not use the Kubernetes API, so it needs no Role.", render.Error);
        Assert.Equal("", render.Output);
    }

    [Theory]
    [InlineData("batch\n", "'batch\\u000a'")]
    [InlineData("Batch", "'Batch'")]
    [InlineData("-batch", "'-batch'")]
    public async Task Render_rbac_refuses_a_namespace_that_is_not_one(string ns, string shown)
    {
        var render = await RenderAsync("render", "--flow", "k8s pod tasks", "--rbac", "--namespace", ns);

        Assert.Equal(ExitCodes.UsageError, render.ExitCode);
        Assert.Contains($"The namespace {shown} is not a Kubernetes namespace name", render.Error);
        Assert.Equal("", render.Output);
    }

    [Theory]
    [InlineData("Sidecar shared volume", "flows-sidecar-shared-volume")]
    [InlineData("K8s Default Job: Nightly Import!", "flows-k8s-default-job-nightly-import")]
    [InlineData("!!!", "flows-flow")]
    public void The_account_name_is_the_flow_name_as_a_dns_label(string flowName, string expected)
    {
        Assert.Equal(expected, PodTaskRbac.NameFor(flowName));
    }

    [Fact]
    public void A_long_flow_name_is_cut_to_63_characters_with_a_hash_that_keeps_two_such_names_apart()
    {
        var first = PodTaskRbac.NameFor("Kubernetes Job Environment w/ Resource Requests & Limits, variant one");
        var second = PodTaskRbac.NameFor("Kubernetes Job Environment w/ Resource Requests & Limits, variant two");

        Assert.Equal(63, first.Length);
        Assert.Matches(@"^flows-kubernetes-job-environment-w-resource-requests-l-[0-9a-f]{8}\z", first);
        Assert.NotEqual(first, second);
        Assert.Matches(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?\z", second);
    }

    private static JsonObject[] Documents(string yaml) =>
        yaml.Split("---\n").Select(document => YamlToJson.Parse(document)!.AsObject()).ToArray();

    private static async Task<(int ExitCode, string Output, string Error)> RenderAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await FlowsCommandLine.InvokeAsync(args, ServiceAccountFlows.All, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}
