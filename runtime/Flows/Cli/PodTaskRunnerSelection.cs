using System;
using System.Threading.Tasks;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Flows.Cli;

/// <summary>
/// Picks the pod runner of a <c>run</c>: <c>--pod-tasks</c> when given; otherwise <c>kubernetes</c> inside a Flows Job
/// (the Job sets FLOWS__CONTEXT__JOB_NAME) when Flows.Kubernetes is there, else in-process.
/// </summary>
internal static class PodTaskRunnerSelection
{
    public const string InProcess = "in-process";
    public const string Kubernetes = "kubernetes";

    /// <returns>False after printing a usage error.</returns>
    public static bool TrySelect(FlowsCommandLineContext context, FlowDefinition flow, string? requested, string? @namespace, bool keepPods, ILoggerFactory loggerFactory,
        out IPodTaskRunner? runner)
    {
        runner = null;
        if (!flow.Tasks.Any(t => t.Pod is not null) && requested is null)
        {
            return KeepsNothing(context, keepPods, $"flow '{flow.Name}' has no pod tasks");
        }
        var name = requested ?? DefaultRunner(context);
        if (name == InProcess)
        {
            return KeepsNothing(context, keepPods, "its pod tasks run in this process (--pod-tasks in-process); add --pod-tasks local or --pod-tasks kubernetes");
        }
        var settings = new PodTaskRunnerSettings(flow, @namespace, loggerFactory, context.Output, context.Error, keepPods);
        if (context.TryCreatePodTaskRunner(name, settings, out var created))
        {
            runner = created;
            return true;
        }
        var known = new[] { InProcess }.Concat(context.PodTaskRunners.Select(r => r.Key)).Select(n => "'" + n + "'");
        var hint = name switch
        {
            "local" => " ('local' comes with Flows.Docker: add a reference to it)",
            Kubernetes => " ('kubernetes' comes with Flows.Kubernetes: add a reference to it)",
            _ => "",
        };
        context.Error.WriteLine($"error: --pod-tasks '{name}' is not available here{hint}. Choose one of: {string.Join(", ", known)}.");
        return false;
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

    private static string DefaultRunner(FlowsCommandLineContext context) =>
        Environment.GetEnvironmentVariable(FlowContextVariables.JobName) is { Length: > 0 } && context.PodTaskRunners.Any(r => r.Key == Kubernetes)
            ? Kubernetes
            : InProcess;
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
