using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Kubernetes.Tests.ApiDouble;
using Flows.Kubernetes.Tests.Support;
using Flows.Manifests;

namespace Flows.Kubernetes.Tests;

public class CleanupTests
{
    [Fact]
    public async Task Cleanup_deletes_the_runs_jobs_and_pods_by_identifier_label_and_prints_them()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = pod =>
        {
            pod.Schedule();
            pod.Start();
            return Task.CompletedTask;
        };
        var flow = TestFlows.Create();
        var settings = KubernetesCli.Settings(api);
        await KubernetesCli.RunAsync(api, settings, [flow], default, "submit", "--flow-run-id", "cleanup-1");
        await KubernetesCli.RunAsync(api, settings, [flow], default, "submit", "--flow-run-id", "cleanup-2");
        await api.ScriptsFinished;

        var result = await KubernetesCli.RunAsync(api, settings, [flow], default, "cleanup", "--flow-run-id", "cleanup-1");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var first = TestFlows.RunInfo(flow, "cleanup-1");
        var second = TestFlows.RunInfo(flow, "cleanup-2");
        Assert.Equal([$"deleted job flows-test/{first.JobName}", $"deleted pod flows-test/{first.JobName}-00001"], result.OutputLines);
        var deletes = api.Requests.Where(r => r.Method == "DELETE").ToList();
        Assert.Equal(2, deletes.Count);
        Assert.All(deletes, d =>
        {
            Assert.Equal("identifier=" + KubernetesRunInfo.IdentifierFor("cleanup-1"), d["labelSelector"]);
            Assert.Equal("Background", JsonNode.Parse(d.Body)!["propagationPolicy"]!.GetValue<string>());
        });
        Assert.Null(api.Store.Get("jobs", TestFlows.Namespace, first.JobName));
        Assert.NotNull(api.Store.Get("jobs", TestFlows.Namespace, second.JobName));
        Assert.Single(api.Store.List("pods", TestFlows.Namespace, _ => true).Items);
    }

    [Fact]
    public async Task Cleanup_names_a_pod_still_terminating_from_an_earlier_deletion_as_such()
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = pod => Task.CompletedTask;
        var flow = TestFlows.Create();
        var settings = KubernetesCli.Settings(api);
        await KubernetesCli.RunAsync(api, settings, [flow], default, "submit", "--flow-run-id", "terminating");
        var job = TestFlows.RunInfo(flow, "terminating").JobName;
        api.Store.Update("pods", TestFlows.Namespace, job + "-00001", pod => pod["metadata"]!["deletionTimestamp"] = "2030-01-01T00:00:30Z");

        var result = await KubernetesCli.RunAsync(api, settings, [flow], default, "cleanup", "--flow-run-id", "terminating");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal([$"deleted job flows-test/{job}", $"pod flows-test/{job}-00001 is already terminating"], result.OutputLines);
    }

    [Fact]
    public async Task Cleanup_of_a_run_with_nothing_left_says_so_and_exits_0()
    {
        await using var api = new KubernetesApiDouble();

        var result = await KubernetesCli.RunAsync(api, TestFlows.Create(), "cleanup", "--flow-run-id", "never-ran", "--namespace", "elsewhere");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.StartsWith("nothing to delete: no Job or pod has label identifier=", result.Output);
        Assert.Contains("in namespace elsewhere", result.Output);
        Assert.All(api.Requests, r => Assert.Contains("/namespaces/elsewhere/", r.Path));
    }

    [Fact]
    public async Task Cleanup_needs_a_flow_run_id()
    {
        await using var api = new KubernetesApiDouble();

        var result = await KubernetesCli.RunAsync(api, TestFlows.Create(), "cleanup");

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.Contains("--flow-run-id", result.Error);
        Assert.Empty(api.Requests);
    }
}
