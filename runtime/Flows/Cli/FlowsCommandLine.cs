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
/// <c>run</c>, <c>runs</c>, <c>graph</c>, <c>list</c>, <c>--help</c> and <c>--version</c>.
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
                Console.Error.WriteLine("Interrupted: stopping (a flow run cancels its running tasks and still runs its always_run tasks; submit cleans up). Press Ctrl+C again to stop at once.");
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

        var context = new FlowsCommandLineContext(flows, output, error);
        var root = new RootCommand("Runs and inspects the flows of this application.")
        {
            RunCommand.Create(context),
            GraphCommand.Create(context),
            ListCommand.Create(context),
            RenderCommand.Create(context),
            CheckCommand.Create(context),
            RunTaskCommand.Create(context),
            RunsCommand.Create(context),
        };
        foreach (var extension in extensions)
        {
            extension.AddCommands(root, context);
        }
        var parseResult = root.Parse(args);
        if (parseResult.CommandResult.Command == root && parseResult.UnmatchedTokens.Count > 0)
        {
            // No command matched: System.CommandLine would also say "Required command was not provided", which hides the real error.
            var commands = string.Join(", ", root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
            var unknown = parseResult.UnmatchedTokens[0];
            error.WriteLine(unknown.StartsWith('-')
                ? $"error: unknown option '{unknown}'. Give a command first: {commands}."
                : $"error: unknown command '{unknown}'. Commands: {commands}.");
            error.WriteLine("Run with --help for usage.");
            return ExitCodes.UsageError;
        }
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
}
