using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Flows.Manifests;
using Microsoft.Extensions.Logging;

namespace Flows.Cli;

/// <summary>
/// Picks the pod runner of a <c>run</c>: <c>--pod-tasks</c> when given; otherwise <c>kubernetes</c> inside a Flows Job
/// (the Job sets FLOWS__CONTEXT__JOB_NAME) when Flows.Kubernetes is there. Outside one, pod tasks that cannot work in this
/// process (a [ContainerTask], or a [PodTask] whose pod spec has other containers or volumes: its body would wait for what
/// only its sidecars make) run on the local Docker engine when Flows.Docker is there and the engine answers a ping within
/// <see cref="LocalProbeTimeout"/>, and the run says so; else the run does not start (a usage error that names the tasks and
/// the line to type). Pod tasks that need nothing of their Pod run their bodies in-process, as with <c>--pod-tasks in-process</c>.
/// </summary>
internal static class PodTaskRunnerSelection
{
    public const string InProcess = "in-process";
    public const string Local = "local";
    public const string Kubernetes = "kubernetes";

    /// <summary>How long the default selection waits for the local Docker engine to answer.</summary>
    public static readonly TimeSpan LocalProbeTimeout = TimeSpan.FromSeconds(3);

    /// <returns>Ok false after printing a usage error; else the runner (null: in-process).</returns>
    public static async Task<(bool Ok, IPodTaskRunner? Runner)> SelectAsync(FlowsCommandLineContext context, FlowDefinition flow, string? requested, string? @namespace,
        bool keepPods, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        if (!flow.Tasks.Any(t => t.Pod is not null) && requested is null)
        {
            return (KeepsNothing(context, keepPods, $"flow '{flow.Name}' has no pod tasks"), null);
        }
        var name = requested ?? DefaultRunnerInsideAJob(context);
        if (name is null)
        {
            var needing = flow.Tasks.Select(t => (Task: t, Why: WhyItNeedsItsPod(t))).Where(t => t.Why is not null).ToList();
            if (needing.Count == 0)
            {
                name = InProcess;
            }
            else
            {
                var why = string.Join("; ", needing.Select(t => $"{t.Task.Name} ({t.Why})"));
                var probeFailure = await ProbeLocalAsync(context, cancellationToken).ConfigureAwait(false);
                if (probeFailure is not null)
                {
                    var prefix = EntrypointCommand.Prefix;
                    context.Error.WriteLine(
                        $"error: flow '{flow.Name}' has pod tasks that cannot run in this process: {why}. " +
                        $"They need their Pods, and no pod runner is available: {probeFailure}.");
                    context.Error.WriteLine("Start Docker (scripts/setup-docker.sh), build the flow's image, and run their Pods on it:");
                    context.Error.WriteLine($"  {prefix} build --push");
                    context.Error.WriteLine($"  {prefix} run --pod-tasks local");
                    context.Error.WriteLine("or run them on the cluster of $KUBECONFIG (--pod-tasks kubernetes), or run the [PodTask] bodies here anyway (container tasks then fail):");
                    context.Error.WriteLine($"  {prefix} run --pod-tasks in-process");
                    return (false, null);
                }
                name = Local;
                loggerFactory.CreateLogger("Flows.PodTasks").LogInformation(
                    "Pod tasks {Tasks} need their Pods: running them on the local Docker engine (--pod-tasks local; choose with --pod-tasks in-process|local|kubernetes)",
                    string.Join(", ", needing.Select(t => t.Task.Name)));
            }
        }
        if (name == InProcess)
        {
            return (KeepsNothing(context, keepPods, "its pod tasks run in this process (--pod-tasks in-process); add --pod-tasks local or --pod-tasks kubernetes"), null);
        }
        var settings = new PodTaskRunnerSettings(flow, @namespace, loggerFactory, context.Output, context.Error, keepPods);
        if (context.TryCreatePodTaskRunner(name, settings, out var created))
        {
            return (true, created);
        }
        var known = new[] { InProcess }.Concat(context.PodTaskRunners.Select(r => r.Key)).Select(n => "'" + n + "'");
        var hint = name switch
        {
            Local => " ('local' comes with Flows.Docker: add a reference to it)",
            Kubernetes => " ('kubernetes' comes with Flows.Kubernetes: add a reference to it)",
            _ => "",
        };
        context.Error.WriteLine($"error: --pod-tasks '{name}' is not available here{hint}. Choose one of: {string.Join(", ", known)}.");
        return (false, null);
    }

    /// <summary>
    /// Why the task cannot do its work in this process, or null when it can: a container task runs an image; a pod task's
    /// body runs beside the other containers (init containers included) and on the volumes of its pod spec.
    /// </summary>
    internal static string? WhyItNeedsItsPod(TaskDefinition task)
    {
        if (task.Pod is not { } pod)
        {
            return null;
        }
        if (pod.Kind == PodTaskKind.Container)
        {
            return $"a container task: it runs {pod.Image}";
        }
        JsonObject created;
        try
        {
            created = pod.CreatePod(new PodTaskRunInfo("probe", "probe", "probe", "default", "probe", "probe.invalid/probe:1", task.Name, 1, "{}", []));
        }
        catch (Exception unexpected) when (unexpected is not OutOfMemoryException)
        {
            return "its pod spec could not be read: " + unexpected.Message;
        }
        var spec = created["spec"] as JsonObject ?? created;
        var reasons = new List<string>();
        var others = Names(spec["containers"]).Where(n => n != pod.PrimaryContainerName).Concat(Names(spec["initContainers"])).ToList();
        if (others.Count > 0)
        {
            reasons.Add((others.Count == 1 ? "sidecar " : "sidecars ") + string.Join(", ", others.Select(n => "'" + n + "'")));
        }
        // Flows' own /tmp emptyDir (RestrictedPodDefaults) is scratch space, not something a body waits for.
        var volumes = Names(spec["volumes"]).Where(n => n != RestrictedPodDefaults.TmpVolumeName).ToList();
        if (volumes.Count > 0)
        {
            reasons.Add((volumes.Count == 1 ? "volume " : "volumes ") + string.Join(", ", volumes.Select(n => "'" + n + "'")));
        }
        return reasons.Count == 0 ? null : "its pod spec has " + string.Join(" and ", reasons);
    }

    private static IEnumerable<string> Names(JsonNode? list) =>
        list is JsonArray array
            ? array.OfType<JsonObject>().Select(item => item["name"] is JsonValue value && value.TryGetValue<string>(out var n) ? n : "(unnamed)")
            : [];

    /// <summary>Null when the <c>local</c> runner is there and its engine answers; else why not.</summary>
    private static async Task<string?> ProbeLocalAsync(FlowsCommandLineContext context, CancellationToken cancellationToken)
    {
        if (!context.PodTaskRunners.Any(r => r.Key == Local))
        {
            return "'--pod-tasks local' comes with Flows.Docker, which this application does not reference";
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(LocalProbeTimeout);
        try
        {
            return await context.ProbePodTaskRunnerAsync(Local, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"the local Docker engine did not answer within {LocalProbeTimeout.TotalSeconds:0} s";
        }
    }

    /// <returns>False after a usage error when <c>--keep-pods</c> was given although no Pod will run.</returns>
    private static bool KeepsNothing(FlowsCommandLineContext context, bool keepPods, string why)
    {
        if (keepPods)
        {
            context.Error.WriteLine($"error: --keep-pods keeps nothing here: {why}.");
            return false;
        }
        return true;
    }

    private static string? DefaultRunnerInsideAJob(FlowsCommandLineContext context) =>
        Environment.GetEnvironmentVariable(FlowContextVariables.JobName) is { Length: > 0 } && context.PodTaskRunners.Any(r => r.Key == Kubernetes)
            ? Kubernetes
            : null;
}

/// <summary>Disposes the run's pod runner when it holds resources (a connection, an engine client).</summary>
internal sealed class PodTaskRunnerLifetime : IAsyncDisposable
{
    private readonly IPodTaskRunner? _runner;

    public PodTaskRunnerLifetime(IPodTaskRunner? runner) => _runner = runner;

    public async ValueTask DisposeAsync()
    {
        switch (_runner)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
