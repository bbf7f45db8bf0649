using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Flows.Cli;

/// <summary><c>run</c>: runs a flow in this process, printing each task's state changes and its log lines as they happen, then a summary table.</summary>
internal static class RunCommand
{
    public static Command Create(FlowsCommandLineContext context)
    {
        var flowOption = FlowsCommandLineContext.CreateFlowOption();
        var paramOption = FlowsCommandLineContext.CreateParamOption();
        var flowRunIdOption = FlowsCommandLineContext.CreateFlowRunIdOption("The flow run id; default: FLOWS__CONTEXT__FLOW_RUN_ID, else a new id.");
        var maxParallelismOption = new Option<int>("--max-parallelism")
        {
            Description = "How many tasks may run at once.",
            DefaultValueFactory = _ => FlowRunOptions.DefaultMaxParallelism,
        };
        maxParallelismOption.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--max-parallelism must be at least 1.");
            }
        });
        var logLevelOption = new Option<LogLevel>("--log-level")
        {
            Description = "The lowest level of task log lines to show.",
            DefaultValueFactory = _ => LogLevel.Information,
        };

        var podTasksOption = new Option<string?>("--pod-tasks")
        {
            Description = "Where pod tasks ([PodTask], [ContainerTask]) run: 'in-process' (a [PodTask]'s body runs here), " +
                          "'local' (their Pods on the local Docker engine; Flows.Docker), 'kubernetes' (their Pods on the cluster; Flows.Kubernetes; default inside a Flows Job). " +
                          "Default outside a Flows Job: 'local' when a task needs its Pod (a container task, or sidecars or volumes in its pod spec) and the engine answers, " +
                          "else 'in-process'; a run whose tasks need their Pods and has no engine does not start.",
        };
        var namespaceOption = new Option<string?>("--namespace", "-n") { Description = "The namespace of task pods; default: the run's (inside a Job), else the flow's job namespace, else \"default\"." };
        var imageOption = new Option<string?>("--image") { Description = "The image of [PodTask] pods, instead of the flow's [DockerStorage] image (e.g. the tag 'build' derived)." };
        var storeOption = RunStoreOption.Create();
        var keepPodsOption = new Option<bool>("--keep-pods") { Description = "Leave each pod task's Pod (with 'local': its containers and volumes) after it ends, to inspect it; the log says how to remove it." };

        var run = new Command("run", "Run a flow in this process and print each task's state changes.")
        {
            flowOption, paramOption, flowRunIdOption, maxParallelismOption, logLevelOption, podTasksOption, namespaceOption, imageOption, keepPodsOption, storeOption,
        };
        run.SetAction((parseResult, cancellationToken) =>
        {
            var flow = context.SelectFlow(parseResult.GetValue(flowOption));
            if (flow is null)
            {
                return Task.FromResult(ExitCodes.UsageError);
            }
            var pods = new PodTaskChoice(parseResult.GetValue(podTasksOption), parseResult.GetValue(namespaceOption), parseResult.GetValue(imageOption),
                parseResult.GetValue(keepPodsOption));
            return RunAsync(context, flow, parseResult.GetValue(paramOption) ?? Array.Empty<string>(), parseResult.GetValue(flowRunIdOption),
                parseResult.GetValue(maxParallelismOption), parseResult.GetValue(logLevelOption), pods, RunStoreOption.Read(parseResult.GetValue(storeOption)),
                cancellationToken);
        });
        return run;
    }

    private sealed record PodTaskChoice(string? Runner, string? Namespace, string? Image, bool KeepPods);

    private static async Task<int> RunAsync(FlowsCommandLineContext context, FlowDefinition flow, string[] rawParameters, string? flowRunId, int maxParallelism,
        LogLevel logLevel, PodTaskChoice pods, RunStoreOption.Choice storeChoice, CancellationToken cancellationToken)
    {
        var parameters = ParseParameters(flow, rawParameters, context.Error);
        if (parameters is null)
        {
            return ExitCodes.UsageError;
        }
        if (!PodTaskNamespaceCheck.IsValid(pods.Namespace, context.Error))
        {
            return ExitCodes.UsageError;
        }

        // A store named on purpose that cannot be used stops the run; the default one only warns, and the run goes unrecorded.
        var (store, storeFailed) = await RunStoreOption.OpenAsync(context, storeChoice, cancellationToken).ConfigureAwait(false);
        if (storeFailed && !storeChoice.IsDefault)
        {
            return ExitCodes.UsageError;
        }
        await using var ownedStore = store;

        // State lines and log lines go through one lock, in the order they happen.
        var output = TextWriter.Synchronized(context.Output);
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(logLevel)
            .AddProvider(new TaskLogWriterProvider(output)));
        var reporter = new ConsoleRunReporter(output, flow);
        var (selected, podTaskRunner) = await PodTaskRunnerSelection.SelectAsync(context, flow, pods.Runner, pods.Namespace, pods.KeepPods, loggerFactory, cancellationToken)
            .ConfigureAwait(false);
        if (!selected)
        {
            return ExitCodes.UsageError;
        }
        await using var ownedRunner = new PodTaskRunnerLifetime(podTaskRunner);
        var options = new FlowRunOptions
        {
            FlowRunId = flowRunId,
            MaxParallelism = maxParallelism,
            Parameters = parameters,
            LoggerFactory = loggerFactory,
            OnTaskStateChanged = reporter.OnStateChanged,
            PodTaskRunner = podTaskRunner,
            PodTaskNamespace = pods.Namespace,
            PodTaskImage = pods.Image,
            Store = store,
        };

        FlowRunResult result;
        try
        {
            result = await FlowRunner.RunAsync(flow, options, cancellationToken).ConfigureAwait(false);
        }
        catch (FlowParameterException invalid)
        {
            context.Error.WriteLine("error: " + invalid.Message);
            return ExitCodes.UsageError;
        }
        reporter.PrintSummary(result);
        foreach (var failed in result.Tasks.Where(t => t.State is TaskRunState.Failed or TaskRunState.TimedOut))
        {
            context.Error.WriteLine($"Task '{failed.Name}' {failed.State}: {failed.Error?.GetType().Name}: {failed.Message}");
        }
        return result.State switch
        {
            FlowRunState.Success => ExitCodes.Success,
            FlowRunState.Cancelled => ExitCodes.Cancelled,
            _ => ExitCodes.Failed,
        };
    }

    internal static FlowParameterValues? ParseParameters(FlowDefinition flow, string[] rawParameters, TextWriter error) =>
        FlowParameterInput.Read(flow, rawParameters, error);
}
