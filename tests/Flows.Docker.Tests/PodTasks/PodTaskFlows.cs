using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;
using Flows.Docker.LocalJobs.Manifests;
using Flows.Docker.LocalJobs.Running;
using Flows.Docker.Tests.Support;
using Flows.Manifests;
using Microsoft.Extensions.Logging;

namespace Flows.Docker.Tests.PodTasks;

/// <summary>
/// Hand-made flows with one sidecar pod task, as the generator would emit them: the task's Pod is a pod spec (YAML, kind: Pod)
/// patched with <see cref="PodTaskPatching"/> for each run, its primary container <c>primary</c> running a shell script in busybox
/// instead of <c>run-task</c>.
/// </summary>
internal static class PodTaskFlows
{
    public const string Primary = "primary";

    public const string TaskName = "ReadSharedMessage";

    /// <summary>Seed 002 (Flyte's shared-volume sidecar example), with a secondary that never ends.</summary>
    public static readonly string SharedVolumePod = $"""
        apiVersion: v1
        kind: Pod
        spec:
          containers:
          - name: primary
            securityContext:
              runAsUser: 1000
            volumeMounts:
            - name: shared-data
              mountPath: /data
          - name: secondary
            image: {TestEngine.Image}
            command: ["sh", "-c", "echo hi sidecar world > /data/message.txt; sleep 3600"]
            volumeMounts:
            - name: shared-data
              mountPath: /data
          volumes:
          - name: shared-data
            emptyDir:
              medium: Memory
        """;

    /// <summary>The primary's side of seed 002: waits for the message, prints it, and returns it as the task's result.</summary>
    public const string ReadMessageScript = """
        while [ ! -s /data/message.txt ]; do sleep 0.1; done
        cat /data/message.txt
        echo "{\"result\":\"$(cat /data/message.txt)\"}" > "$FLOWS__TASK__TERMINATION_MESSAGE_PATH"
        """;

    /// <param name="podYaml">A Pod (without metadata) whose primary may be absent or give only volumeMounts and securityContext.</param>
    /// <param name="primaryScript">What the primary runs with <c>sh -c</c>; $FLOWS__TASK__TERMINATION_MESSAGE_PATH is where its result goes.</param>
    /// <param name="adjustPod">Changes the Pod after Flows' patching, as a hand-made request could.</param>
    public static FlowDefinition Flow(string podYaml, string primaryScript, Func<IFlowRunExecutor>? createExecutor = null, IReadOnlyList<TaskDefinition>? moreTasks = null,
        Action<JsonObject>? adjustPod = null)
    {
        var template = JobYamlReader.Read(podYaml, "test pod");
        var pod = new PodTaskDefinition(PodTaskKind.Sidecar, "pod_spec.yaml", Primary, "read-shared-message", image: null, resultIsLog: false,
            run =>
            {
                var created = CreatePod((JsonObject)template.DeepClone(), run, primaryScript);
                adjustPod?.Invoke(created);
                return created;
            });
        var task = new TaskDefinition(0, TaskName, TaskTrigger.AllSuccessful, 0, TimeSpan.Zero, null, "string", [], pod);
        var tasks = new List<TaskDefinition> { task };
        tasks.AddRange(moreTasks ?? []);
        return new FlowDefinition("pod task test", "Flows.Docker.Tests.PodTasks.PodTaskTestFlow", null, tasks, [], Enumerable.Range(0, tasks.Count).ToList(),
            _ => createExecutor?.Invoke() ?? throw new NotSupportedException("the runner is called directly"));
    }

    /// <summary>A request for the flow's pod task, for run <paramref name="flowRunId"/>, as the pod task invoker makes it.</summary>
    public static PodTaskRequest Request(FlowDefinition flow, string flowRunId, ILogger logger, bool captureLog = false)
    {
        var task = flow.Tasks[0];
        var run = PodTaskRunInfo.Create(flow, task, flowRunId, "flows-test", TestEngine.Image, 1, "{}", FlowParameterValues.Empty);
        return new PodTaskRequest(flow, task, run, task.Pod!.CreatePod(run), logger, captureLog);
    }

    /// <summary>The primary container of a Pod that <see cref="Flow"/> made.</summary>
    public static JsonObject PrimaryOf(JsonObject pod) => PodTaskPatching.PrimaryContainer(pod, Primary);

    private static JsonObject CreatePod(JsonObject pod, PodTaskRunInfo run, string primaryScript)
    {
        PodTaskPatching.SetRunMetadata(pod, run);
        PodTaskPatching.SetDefaultRestartPolicy(pod);
        var primary = PodTaskPatching.PrimaryContainer(pod, Primary);
        primary["image"] = run.Image;
        primary["command"] = PodTaskPatching.Strings(["/bin/sh", "-c", primaryScript]);
        var path = PodTaskPatching.SetTerminationMessage(primary);
        PodTaskPatching.SetEnvironment(primary, [], run, expandInputs: false, PodTaskPatching.SidecarTaskVariables(run, path));
        return pod;
    }

    /// <summary>What the engine still has of run <paramref name="flowRunId"/>, by its label: containers (running or not) and volumes.</summary>
    public static async Task<(int Containers, int Volumes)> LeftoversAsync(string flowRunId)
    {
        using var docker = await TestEngine.ConnectAsync();
        var filters = new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = new Dictionary<string, bool> { [$"{LocalJobLabels.FlowRunId}={flowRunId}"] = true },
        };
        var containers = await docker.Client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filters }, CancellationToken.None);
        var volumes = await docker.Client.Volumes.ListAsync(new VolumesListParameters { Filters = filters }, CancellationToken.None);
        return (containers.Count, volumes.Volumes?.Count ?? 0);
    }

    public static async Task AssertNothingLeftAsync(string flowRunId)
    {
        var (containers, volumes) = await LeftoversAsync(flowRunId);
        Assert.True(containers == 0 && volumes == 0, $"left on the engine: {containers} containers, {volumes} volumes");
    }
}
