using System;
using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Flows.Kubernetes.Tests.Support;
using Flows.Manifests;

namespace Flows.Kubernetes.Tests.PodTasks;

/// <summary>
/// A flow built by hand the way the generator emits one with a [PodTask]: "prepare" (in-process) passes 21 to
/// "measure" (a pod task: primary container "main" beside a "proxy" sidecar that never exits), whose result
/// "report" (in-process) reads.
/// </summary>
internal static class PodTaskFlow
{
    public const string PodTaskName = "measure";
    public const string Primary = "main";
    public const string Sidecar = "proxy";
    public const string SidecarImage = "localhost:5000/proxy:1";

    /// <summary>The task's pod spec as a user writes it: no primary image, args or env (the generated code adds them).</summary>
    public const string PodSpec = $$"""
        {
          "apiVersion": "v1",
          "kind": "Pod",
          "metadata": { "labels": { "team": "data" } },
          "spec": {
            "containers": [
              { "name": "{{Primary}}" },
              { "name": "{{Sidecar}}", "image": "{{SidecarImage}}", "command": ["/bin/sh", "-c", "sleep 3600"] }
            ],
            "futurePodField": { "kept": true }
          }
        }
        """;

    /// <summary>The secret flow parameter of <see cref="Create"/> with <c>withSecretParameter</c>, and a plain one.</summary>
    public static readonly FlowParameterDefinition[] Parameters =
    [
        new("apiToken", "string", IsRequired: true, null, null, IsSecret: true),
        new("region", "string", IsRequired: false, "\"eu\"", null),
    ];

    /// <param name="inputValue">The value "prepare" passes to the pod task (its input "value").</param>
    public static (FlowDefinition Flow, PodTaskFlowExecutor Executor) Create(bool withSecretParameter = false, string inputValue = "21")
    {
        var executor = new PodTaskFlowExecutor(inputValue);
        var pod = new PodTaskDefinition(PodTaskKind.Sidecar, "pod_spec.json", Primary, PodTaskName, image: null, resultIsLog: false, CreatePod);
        TaskDefinition[] tasks =
        [
            new(0, "prepare", TaskTrigger.AllSuccessful, 0, TimeSpan.Zero, null, "int", []),
            new(1, PodTaskName, TaskTrigger.AllSuccessful, 0, TimeSpan.Zero, null, "Measurement", [new TaskEdge(0, TaskEdgeKind.Data, "value")], pod),
            new(2, "report", TaskTrigger.AllSuccessful, 0, TimeSpan.Zero, null, null, [new TaskEdge(1, TaskEdgeKind.Data, "measurement")]),
        ];
        var flow = new FlowDefinition("pod task flow", "Flows.Kubernetes.Tests.PodTaskFlow", null, tasks, withSecretParameter ? Parameters : [], [0, 1, 2], _ => executor);
        return (flow, executor);
    }

    /// <summary>What the generated Pod code does with <see cref="PodTaskPatching"/>.</summary>
    private static JsonObject CreatePod(PodTaskRunInfo run)
    {
        var pod = PodTaskPatching.Parse(PodSpec);
        PodTaskPatching.SetRunMetadata(pod, run);
        PodTaskPatching.SetDefaultRestartPolicy(pod);
        var primary = PodTaskPatching.PrimaryContainer(pod, Primary);
        primary["image"] = run.Image;
        primary["args"] = PodTaskPatching.Strings(run.TaskArguments);
        var path = PodTaskPatching.SetTerminationMessage(primary);
        PodTaskPatching.SetEnvironment(primary, [], run, expandInputs: false, PodTaskPatching.SidecarTaskVariables(run, path));
        return pod;
    }

    /// <summary>What run-task does in the primary: read the inputs, write the result to the termination message.</summary>
    public static string MeasureFromInputs(ApiDouble.ScriptedPod pod)
    {
        var inputs = JsonNode.Parse(pod.EnvOf(Primary, PodTaskVariables.Inputs) ?? "{}")!;
        return PodTaskMessage.Success($"{{\"size\":{inputs["value"]!.GetValue<int>() * 2}}}");
    }

    public static FlowRunOptions Options(IPodTaskRunner runner, CapturedLog log, string flowRunId, FlowParameterValues? parameters = null) => new()
    {
        FlowRunId = flowRunId,
        Parameters = parameters ?? FlowParameterValues.Empty,
        PodTaskRunner = runner,
        PodTaskImage = TestFlows.Image,
        PodTaskNamespace = TestFlows.Namespace,
        LoggerFactory = log,
    };
}

/// <summary>The generated executor's part in a pod task: task data as JSON, the in-process tasks' bodies.</summary>
internal sealed class PodTaskFlowExecutor(string inputValue = "21") : IFlowRunExecutor, ITaskDataTransfer
{
    private readonly ConcurrentDictionary<int, string> _results = new();

    /// <summary>The result JSON "report" received from the pod task.</summary>
    public string? Reported { get; private set; }

    public ValueTask InvokeAsync(int taskIndex, TaskRunContext context, CancellationToken cancellationToken)
    {
        switch (taskIndex)
        {
            case 0:
                _results[0] = inputValue;
                break;
            case 2:
                Reported = _results[1];
                break;
            default:
                throw new InvalidOperationException($"task {taskIndex} runs in its pod, not in this process");
        }
        return ValueTask.CompletedTask;
    }

    public object? GetResult(int taskIndex) => _results.TryGetValue(taskIndex, out var json) ? json : null;

    public string WriteInputs(int taskIndex) => taskIndex == 1 ? "{\"value\":" + _results[0] + "}" : "{}";

    public void ReadInputs(int taskIndex, string json) => throw new NotSupportedException("the in-pod side is not run here");

    public string? WriteResult(int taskIndex) => _results.TryGetValue(taskIndex, out var json) ? json : null;

    public void ReadResult(int taskIndex, string json) => _results[taskIndex] = json;
}
