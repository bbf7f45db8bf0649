using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Flows.Cli;

namespace Flows.Runtime.Tests.Cli;

/// <summary>Runs the command line in-process and keeps what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> InvokeAsync(IReadOnlyList<FlowDefinition> flows, params string[] args) =>
        await InvokeAsync(flows, CancellationToken.None, args);

    public static async Task<CliRun> InvokeAsync(IReadOnlyList<FlowDefinition> flows, CancellationToken cancellationToken, params string[] args) =>
        await InvokeAsync(flows, [], cancellationToken, args);

    /// <summary>With extensions of the entrypoint (a pod runner of a test, for example).</summary>
    public static async Task<CliRun> InvokeAsync(IReadOnlyList<FlowDefinition> flows, IFlowsCommandLineExtension[] extensions, CancellationToken cancellationToken,
        params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await FlowsCommandLine.InvokeAsync(args, flows, output, error, cancellationToken, extensions);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
