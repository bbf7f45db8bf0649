using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Flows.Cli;

/// <summary>
/// The console entrypoint of a flow application (the generated <c>Main</c> calls it):
/// <c>run</c>, <c>graph</c>, <c>list</c>, <c>--help</c> and <c>--version</c>.
/// Exit codes: 0 success, 1 the flow failed, 2 usage error, 130 cancelled.
/// </summary>
public static class FlowsCommandLine
{
    /// <summary>For a process's <c>Main</c>: Ctrl+C and SIGTERM cancel the run.</summary>
    public static Task<int> InvokeAsync(string[] args, IReadOnlyList<FlowDefinition> flows) =>
        InvokeAsync(args, flows, Array.Empty<IFlowsCommandLineExtension>());

    /// <summary>For a process's <c>Main</c>, with extra commands (the generated entrypoint passes Flows.Kubernetes' when referenced).</summary>
    public static async Task<int> InvokeAsync(string[] args, IReadOnlyList<FlowDefinition> flows, params IFlowsCommandLineExtension[] extensions)
    {
        using var cancellation = new CancellationTokenSource();
        void Cancel()
        {
            if (!cancellation.IsCancellationRequested)
            {
                Console.Error.WriteLine("Cancelling the flow run: running tasks are cancelled, always_run tasks still run. Press Ctrl+C again to stop at once.");
                cancellation.Cancel();
            }
        }
        ConsoleCancelEventHandler onCancelKey = (_, e) =>
        {
            if (!cancellation.IsCancellationRequested)
            {
                e.Cancel = true;
                Cancel();
            }
        };
        Console.CancelKeyPress += onCancelKey;
        using var onSigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            Cancel();
        });
        try
        {
            return await InvokeAsync(args, flows, Console.Out, Console.Error, cancellation.Token, extensions).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= onCancelKey;
        }
    }

    /// <summary>Runs the command line with the given writers and cancellation (for hosts and tests).</summary>
    public static async Task<int> InvokeAsync(string[] args, IReadOnlyList<FlowDefinition> flows, TextWriter output, TextWriter error, CancellationToken cancellationToken,
        params IFlowsCommandLineExtension[] extensions)
    {
        if (flows.Count == 0)
        {
            error.WriteLine("warning: " + FlowCatalog.GeneratorMissingMessage);
        }

        var root = BuildCommand(flows, output, error);
        var context = new FlowsCommandLineContext(flows, output, error);
        root.Subcommands.Add(RenderCommand.Create(context));
        foreach (var extension in extensions)
        {
            extension.AddCommands(root, context);
        }
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                error.WriteLine("error: " + parseError.Message);
            }
            error.WriteLine("Run with --help for usage.");
            return ExitCodes.UsageError;
        }
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // Flows handles Ctrl+C and SIGTERM itself, so that always_run tasks can still run.
            ProcessTerminationTimeout = null,
        };
        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    private static RootCommand BuildCommand(IReadOnlyList<FlowDefinition> flows, TextWriter output, TextWriter error)
    {
        var flowOption = new Option<string?>("--flow", "-f") { Description = "The flow's name (see 'list'); optional when the application has one flow." };
        var paramOption = new Option<string[]>("--param", "-p")
        {
            Description = "A flow parameter as name=value; repeat for several.",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var flowRunIdOption = new Option<string?>("--flow-run-id") { Description = "The flow run id; default: FLOWS__CONTEXT__FLOW_RUN_ID, else a new id." };
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

        var run = new Command("run", "Run a flow in this process and print each task's state changes.")
        {
            flowOption, paramOption, flowRunIdOption, maxParallelismOption, logLevelOption,
        };
        run.SetAction((parseResult, cancellationToken) =>
        {
            var flow = SelectFlow(flows, parseResult.GetValue(flowOption), error);
            if (flow is null)
            {
                return Task.FromResult(ExitCodes.UsageError);
            }
            return RunAsync(flow, parseResult.GetValue(paramOption) ?? Array.Empty<string>(), parseResult.GetValue(flowRunIdOption),
                parseResult.GetValue(maxParallelismOption), parseResult.GetValue(logLevelOption), output, error, cancellationToken);
        });

        var graphFlowOption = new Option<string?>("--flow", "-f") { Description = flowOption.Description };
        var formatOption = new Option<string>("--format")
        {
            Description = "mermaid or dot.",
            DefaultValueFactory = _ => "mermaid",
        };
        formatOption.AcceptOnlyFromAmong("mermaid", "dot");
        var graph = new Command("graph", "Print a flow's task graph as Mermaid or Graphviz DOT.") { graphFlowOption, formatOption };
        graph.SetAction(parseResult =>
        {
            var flow = SelectFlow(flows, parseResult.GetValue(graphFlowOption), error);
            if (flow is null)
            {
                return ExitCodes.UsageError;
            }
            output.Write(parseResult.GetValue(formatOption) == "dot" ? FlowGraphRenderer.ToDot(flow) : FlowGraphRenderer.ToMermaid(flow));
            return ExitCodes.Success;
        });

        var list = new Command("list", "List the flows, their tasks and parameters.");
        list.SetAction(_ =>
        {
            foreach (var flow in flows)
            {
                WriteFlowListing(flow, output);
            }
            return ExitCodes.Success;
        });

        var root = new RootCommand("Runs and inspects the flows of this application.") { run, graph, list };
        return root;
    }

    private static void WriteFlowListing(FlowDefinition flow, TextWriter output)
    {
        output.WriteLine(flow.Description is null ? flow.Name : $"{flow.Name}: {flow.Description}");
        output.WriteLine("  tasks (in order):");
        foreach (var index in flow.TopologicalOrder)
        {
            var task = flow.Tasks[index];
            var upstream = task.Upstream.Select(e => flow.Tasks[e.UpstreamIndex].Name + (e.Kind == TaskEdgeKind.Data ? $" -> {e.ParameterName}" : "")).ToList();
            var details = new List<string>();
            if (task.Trigger != TaskTrigger.AllSuccessful) details.Add("trigger " + task.Trigger);
            if (task.Retries > 0) details.Add(string.Create(CultureInfo.InvariantCulture, $"retries {task.Retries} every {task.RetryDelay.TotalSeconds:0.###}s"));
            if (task.Timeout is { } timeout) details.Add(string.Create(CultureInfo.InvariantCulture, $"timeout {timeout.TotalSeconds:0.###}s"));
            if (upstream.Count > 0) details.Add("after " + string.Join(", ", upstream));
            output.WriteLine(details.Count == 0 ? $"    {task.Name}" : $"    {task.Name}  ({string.Join("; ", details)})");
        }
        if (flow.Parameters.Count > 0)
        {
            output.WriteLine("  parameters:");
            foreach (var parameter in flow.Parameters)
            {
                var requirement = parameter.IsRequired ? "required" : "default " + parameter.DefaultValueText;
                output.WriteLine($"    {parameter.Name}: {parameter.TypeName} ({requirement}){(parameter.Description is null ? "" : "  " + parameter.Description)}");
            }
        }
    }

    private static FlowDefinition? SelectFlow(IReadOnlyList<FlowDefinition> flows, string? name, TextWriter error)
    {
        if (name is null)
        {
            if (flows.Count == 1)
            {
                return flows[0];
            }
            error.WriteLine(flows.Count == 0
                ? "error: this application has no flows."
                : $"error: this application has {flows.Count} flows; choose one with --flow: {string.Join(", ", flows.Select(f => "'" + f.Name + "'"))}.");
            return null;
        }
        var flow = flows.FirstOrDefault(f => f.Name == name)
            ?? flows.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        if (flow is null)
        {
            error.WriteLine($"error: no flow named '{name}'. Flows: {string.Join(", ", flows.Select(f => "'" + f.Name + "'"))}.");
        }
        return flow;
    }

    private static async Task<int> RunAsync(FlowDefinition flow, string[] rawParameters, string? flowRunId, int maxParallelism, LogLevel logLevel,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var parameters = ParseParameters(flow, rawParameters, error);
        if (parameters is null)
        {
            return ExitCodes.UsageError;
        }

        using var loggerFactory = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(logLevel)
            .AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.IncludeScopes = true;
                console.TimestampFormat = "HH:mm:ss.fff ";
            }));
        var reporter = new ConsoleRunReporter(output, flow);
        var options = new FlowRunOptions
        {
            FlowRunId = flowRunId,
            MaxParallelism = maxParallelism,
            Parameters = parameters,
            LoggerFactory = loggerFactory,
            OnTaskStateChanged = reporter.OnStateChanged,
        };

        FlowRunResult result;
        try
        {
            result = await FlowRunner.RunAsync(flow, options, cancellationToken).ConfigureAwait(false);
        }
        catch (FlowParameterException invalid)
        {
            error.WriteLine("error: " + invalid.Message);
            return ExitCodes.UsageError;
        }
        reporter.PrintSummary(result);
        foreach (var failed in result.Tasks.Where(t => t.State is TaskRunState.Failed or TaskRunState.TimedOut))
        {
            error.WriteLine($"Task '{failed.Name}' {failed.State}: {failed.Error?.GetType().Name}: {failed.Message}");
        }
        return result.State switch
        {
            FlowRunState.Success => ExitCodes.Success,
            FlowRunState.Cancelled => ExitCodes.Cancelled,
            _ => ExitCodes.Failed,
        };
    }

    private static FlowParameterValues? ParseParameters(FlowDefinition flow, string[] rawParameters, TextWriter error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in rawParameters)
        {
            var separator = raw.IndexOf('=');
            if (separator <= 0)
            {
                error.WriteLine($"error: --param '{raw}' is not name=value.");
                return null;
            }
            var name = raw.Substring(0, separator);
            if (!flow.Parameters.Any(p => p.Name == name))
            {
                error.WriteLine(flow.Parameters.Count == 0
                    ? $"error: flow '{flow.Name}' has no parameters, but --param '{name}' was given."
                    : $"error: flow '{flow.Name}' has no parameter '{name}'. Parameters: {string.Join(", ", flow.Parameters.Select(p => p.Name))}.");
                return null;
            }
            if (!values.TryAdd(name, raw.Substring(separator + 1)))
            {
                error.WriteLine($"error: --param '{name}' is given twice.");
                return null;
            }
        }
        return new FlowParameterValues(values);
    }
}
