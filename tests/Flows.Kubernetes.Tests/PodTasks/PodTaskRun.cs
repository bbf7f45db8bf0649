using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Flows.Kubernetes.Tests.ApiDouble;
using Flows.Kubernetes.Tests.Support;

namespace Flows.Kubernetes.Tests.PodTasks;

/// <summary>Runs <see cref="PodTaskFlow"/> with FlowRunner and a <see cref="KubernetesPodTaskRunner"/> against the API double.</summary>
internal static class PodTaskRun
{
    /// <param name="cancelWhen">Cancels the run when an entry so matching is logged.</param>
    /// <param name="parameters">Flow parameters: given, the flow has <see cref="PodTaskFlow.Parameters"/> (one secret).</param>
    public static async Task<PodTaskRunResult> RunAsync(KubernetesApiDouble api, string flowRunId, KubernetesPodTaskRunnerOptions? options = null,
        Func<LogEntry, bool>? cancelWhen = null, FlowParameterValues? parameters = null, string inputValue = "21")
    {
        var (flow, executor) = PodTaskFlow.Create(withSecretParameter: parameters is not null, inputValue);
        var log = new CapturedLog();
        // A failed pod script or a hung run cancels the run instead of hanging the test run.
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(api.ScriptFailed);
        cancellation.CancelAfter(TimeSpan.FromSeconds(60));
        if (cancelWhen is not null)
        {
            log.OnEntry = entry =>
            {
                if (cancelWhen(entry))
                {
                    _ = Task.Run(cancellation.Cancel);
                }
            };
        }
        var notes = new StringWriter();
        FlowRunResult result;
        await using (var runner = new KubernetesPodTaskRunner(KubernetesCli.Settings(api), options ?? new KubernetesPodTaskRunnerOptions(), notes))
        {
            result = await FlowRunner.RunAsync(flow, PodTaskFlow.Options(runner, log, flowRunId, parameters), cancellation.Token);
        }
        return new PodTaskRunResult(result, log, executor, api, notes.ToString());
    }
}

internal sealed record PodTaskRunResult(FlowRunResult Flow, CapturedLog Log, PodTaskFlowExecutor Executor, KubernetesApiDouble Api, string Notes)
{
    public TaskRunResult PodTask => Flow[PodTaskFlow.PodTaskName];

    /// <summary>The Pod the runner POSTed.</summary>
    public JsonObject PostedPod => (JsonObject)JsonNode.Parse(Api.PodPostBodies.Single())!;

    public string PodName => PostedPod["metadata"]!["name"]!.GetValue<string>();

    public override string ToString() =>
        $"flow {Flow.State}\n"
        + string.Concat(Flow.Tasks.Select(t => $"  task {t.Name}: {t.State} {t.Message}\n"))
        + "--- log\n" + Log
        + "\n--- requests\n" + string.Join("\n", Api.Requests)
        + (Notes.Length == 0 ? "" : "\n--- notes\n" + Notes)
        + (Api.ScriptErrors.IsEmpty ? "" : "\n--- pod script errors\n" + string.Join("\n", Api.ScriptErrors.Select(e => e.Message)));
}
