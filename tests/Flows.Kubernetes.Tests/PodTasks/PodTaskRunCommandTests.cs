using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Kubernetes.Tests.ApiDouble;
using Flows.Kubernetes.Tests.Support;

namespace Flows.Kubernetes.Tests.PodTasks;

/// <summary><c>run --pod-tasks kubernetes</c> through the entrypoint, against the API double.</summary>
public class PodTaskRunCommandTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_with_the_kubernetes_pod_runner_deletes_each_tasks_pod_unless_keep_pods_is_given(bool keepPods)
    {
        await using var api = new KubernetesApiDouble();
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            pod.Exit(PodTaskFlow.Primary, 0, terminationMessage: PodTaskFlow.MeasureFromInputs(pod));
            await Task.CompletedTask;
        };
        var (flow, executor) = PodTaskFlow.Create();
        string[] args = ["run", "--pod-tasks", "kubernetes", "--namespace", TestFlows.Namespace, "--image", TestFlows.Image, "--flow-run-id", "keep-" + keepPods.ToString().ToLowerInvariant()];

        var result = await KubernetesCli.RunAsync(api, KubernetesCli.Settings(api), [flow], CancellationToken.None, keepPods ? [.. args, "--keep-pods"] : args);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("""{"size":42}""", executor.Reported);
        var podName = JsonNode.Parse(api.PodPostBodies.Single())!["metadata"]!["name"]!.GetValue<string>();
        var kept = api.Store.Get("pods", TestFlows.Namespace, podName) is not null;
        Assert.True(kept == keepPods, result.ToString());
        Assert.Equal(keepPods, result.Output.Contains($"Kept pod {TestFlows.Namespace}/{podName} (--keep-pods); remove it with: kubectl delete pod -n {TestFlows.Namespace} {podName}", StringComparison.Ordinal));
    }
}
