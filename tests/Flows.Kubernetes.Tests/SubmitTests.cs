using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Kubernetes.Tests.ApiDouble;
using Flows.Kubernetes.Tests.Support;
using Flows.Manifests;

namespace Flows.Kubernetes.Tests;

public class SubmitTests
{
    [Fact]
    public async Task Submit_posts_the_patched_job_exactly_as_the_template_made_it_and_prints_its_name()
    {
        await using var api = new KubernetesApiDouble();
        var flow = TestFlows.Create();

        var result = await KubernetesCli.RunAsync(api, flow, "submit", "--flow-run-id", "exact-1");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var run = TestFlows.RunInfo(flow, "exact-1");
        Assert.Equal(run.JobName + Environment.NewLine, result.Output);
        var posted = Assert.Single(api.JobPostBodies);
        var expected = flow.KubernetesJob!.CreateJob(run);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(posted)), posted);
        Assert.Equal(expected.ToJsonString(), posted);
        Assert.Contains("\"futureContainerField\":\"kept\"", posted);
        Assert.Contains("\"podFailurePolicy\"", posted);
        Assert.Contains("12345678901234567890", posted);
        Assert.Equal($"/apis/batch/v1/namespaces/{TestFlows.Namespace}/jobs", api.RequestsTo("POST", "/jobs").Single().Path);
        Assert.DoesNotContain(api.Requests, r => r.Method == "DELETE");
        Assert.NotNull(api.Store.Get("jobs", TestFlows.Namespace, run.JobName));
    }

    [Fact]
    public async Task Submit_with_image_posts_the_job_with_that_image()
    {
        await using var api = new KubernetesApiDouble();
        var flow = TestFlows.Create();
        const string image = "127.0.0.1:5000/flows/hello:sha-0123456789ab";

        var result = await KubernetesCli.RunAsync(api, flow, "submit", "--flow-run-id", "image-1", "--image", image);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var expected = flow.KubernetesJob!.CreateJob(TestFlows.RunInfo(flow, "image-1") with { Image = image });
        Assert.Equal(expected.ToJsonString(), Assert.Single(api.JobPostBodies));
        Assert.Contains($"\"image\":\"{image}\"", api.JobPostBodies.Single());
    }

    [Fact]
    public async Task Wait_and_follow_stream_the_flow_log_exit_0_and_delete_the_job_and_pods_by_label_in_the_background()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            pod.Log("flow", "GetValue: Running", "Example!", "OutputValue: Success");
            pod.Exit("flow", 0);
            await Task.CompletedTask;
        };
        var flow = TestFlows.Create();

        var result = await KubernetesCli.RunAsync(api, flow, "submit", "--follow", "--flow-run-id", "follow-1");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(["GetValue: Running", "Example!", "OutputValue: Success"], result.OutputLines);
        var run = TestFlows.RunInfo(flow, "follow-1");
        var selector = "identifier=" + KubernetesRunInfo.IdentifierFor("follow-1");
        foreach (var collection in new[] { $"/apis/batch/v1/namespaces/{TestFlows.Namespace}/jobs", $"/api/v1/namespaces/{TestFlows.Namespace}/pods" })
        {
            var delete = Assert.Single(api.Requests, r => r.Method == "DELETE" && r.Path == collection);
            Assert.Equal(selector, delete["labelSelector"]);
            Assert.Equal("Background", JsonNode.Parse(delete.Body)!["propagationPolicy"]!.GetValue<string>());
        }
        Assert.Empty(api.Store.List("jobs", TestFlows.Namespace, _ => true).Items);
        Assert.Empty(api.Store.List("pods", TestFlows.Namespace, _ => true).Items);
        Assert.Contains($"Deleted Job {TestFlows.Namespace}/{run.JobName} and pod {TestFlows.Namespace}/{run.JobName}-00001 (propagationPolicy=Background).", result.ErrorLines);
        Assert.Contains(result.ErrorLines, l => l.StartsWith("The run succeeded: flow container 'flow' of pod ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_run_ends_when_the_flow_container_exits_even_though_a_sidecar_keeps_the_pod_running()
    {
        await using var api = new KubernetesApiDouble();
        string? phaseAtEnd = null;
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            pod.Log("flow", "working", "done");
            pod.Exit("flow", 0);
            phaseAtEnd = api.Store.Get("pods", pod.Namespace, pod.Name)!["status"]!["phase"]!.GetValue<string>();
            await Task.CompletedTask;
        };
        var flow = TestFlows.Create(TestFlows.JobSpecWithSidecar, jobBaseName: "sidecar-job");

        var result = await KubernetesCli.RunAsync(api, flow, "submit", "--follow", "--flow-run-id", "sidecar-1");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("Running", phaseAtEnd);
        Assert.Equal(["working", "done"], result.OutputLines);
        Assert.Contains("'proxy' still running", result.Error);
        Assert.Contains(api.Requests, r => r.Method == "DELETE" && r.Path.EndsWith("/pods", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_flow_container_that_fails_while_a_sidecar_runs_fails_the_run_at_once()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            pod.Exit("flow", 2);
            await Task.CompletedTask;
        };
        var flow = TestFlows.Create(TestFlows.JobSpecWithSidecar, jobBaseName: "sidecar-job");

        var result = await KubernetesCli.RunAsync(api, flow, "submit", "--wait", "--flow-run-id", "sidecar-2", "--evidence-dir", KubernetesCli.TempFolder(api, "sidecar"));

        Assert.True(result.ExitCode == ExitCodes.Failed, result.ToString());
        Assert.Contains("exited with code 2 (Error); 'proxy' still running", result.Error);
    }

    [Fact]
    public async Task Keep_leaves_the_job_and_its_pods_and_says_how_to_remove_them()
    {
        await using var api = new KubernetesApiDouble();
        var flow = TestFlows.Create();

        var result = await KubernetesCli.RunAsync(api, flow, "submit", "--wait", "--keep", "--flow-run-id", "keep-1");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.DoesNotContain(api.Requests, r => r.Method == "DELETE");
        var run = TestFlows.RunInfo(flow, "keep-1");
        Assert.NotNull(api.Store.Get("jobs", TestFlows.Namespace, run.JobName));
        Assert.Single(api.Store.List("pods", TestFlows.Namespace, _ => true).Items);
        Assert.Contains($"Kept Job {TestFlows.Namespace}/{run.JobName} and its pods (--keep).", result.Error);
        Assert.Contains("cleanup --flow-run-id keep-1 --namespace flows-test", result.Error);
    }

    [Fact]
    public async Task The_same_flow_run_id_twice_is_a_usage_error_that_names_the_cleanup()
    {
        await using var api = new KubernetesApiDouble();
        var flow = TestFlows.Create();
        var settings = KubernetesCli.Settings(api);

        var first = await KubernetesCli.RunAsync(api, settings, [flow], default, "submit", "--flow-run-id", "twice");
        var second = await KubernetesCli.RunAsync(api, settings, [flow], default, "submit", "--flow-run-id", "twice");

        Assert.True(first.ExitCode == ExitCodes.Success, first.ToString());
        Assert.True(second.ExitCode == ExitCodes.UsageError, second.ToString());
        Assert.Contains("already exists: flow run id 'twice' was submitted before", second.Error);
        Assert.Contains("cleanup --flow-run-id twice", second.Error);
    }

    [Fact]
    public async Task A_flow_without_a_kubernetes_job_and_a_bad_flow_run_id_are_usage_errors()
    {
        await using var api = new KubernetesApiDouble();

        var plain = await KubernetesCli.RunAsync(api, TestFlows.WithoutKubernetesJob(), "submit");
        var badId = await KubernetesCli.RunAsync(api, TestFlows.Create(), "submit", "--flow-run-id", "not a label!");

        Assert.True(plain.ExitCode == ExitCodes.UsageError, plain.ToString());
        Assert.Contains("has no Kubernetes job environment", plain.Error);
        Assert.True(badId.ExitCode == ExitCodes.UsageError, badId.ToString());
        Assert.Contains("cannot be a Kubernetes label value", badId.Error);
        Assert.Empty(api.Requests);
    }
}
