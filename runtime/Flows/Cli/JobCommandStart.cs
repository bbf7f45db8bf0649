using System;
using System.CommandLine;
using System.Linq;
using Flows.Manifests;

namespace Flows.Cli;

/// <summary>
/// The opening that <c>render</c>, <c>submit</c> and <c>run-job-locally</c> share: the options <c>--flow</c>,
/// <c>--flow-run-id</c>, <c>--namespace</c> and <c>--image</c>, the selected flow and its run id, and the one error
/// text of a flow without a Kubernetes job.
/// </summary>
public sealed class JobCommandStart
{
    /// <summary>The namespace a flow's Job runs in when <c>--namespace</c> is not given (<see cref="KubernetesJobTemplate.DefaultNamespace"/>).</summary>
    public const string DefaultNamespaceDescription = "The namespace; default: the one on [KubernetesJob], else the job spec's, else \"default\".";

    public JobCommandStart(string flowRunIdDescription, string namespaceDescription = DefaultNamespaceDescription)
    {
        FlowOption = FlowsCommandLineContext.CreateFlowOption();
        FlowRunIdOption = FlowsCommandLineContext.CreateFlowRunIdOption(flowRunIdDescription);
        NamespaceOption = new Option<string?>("--namespace", "-n") { Description = namespaceDescription };
        ImageOption = FlowsCommandLineContext.CreateImageOption();
    }

    public Option<string?> FlowOption { get; }

    public Option<string?> FlowRunIdOption { get; }

    public Option<string?> NamespaceOption { get; }

    public Option<string?> ImageOption { get; }

    /// <summary>Adds the four options to <paramref name="command"/>, after the ones it has, then <paramref name="commandOptions"/>.</summary>
    public void AddOptionsTo(Command command, params Option[] commandOptions)
    {
        foreach (var option in new Option[] { FlowOption, FlowRunIdOption, NamespaceOption, ImageOption }.Concat(commandOptions))
        {
            command.Options.Add(option);
        }
    }

    /// <summary>True when any of the four options is given.</summary>
    public bool AnyGiven(ParseResult parseResult) =>
        parseResult.GetValue(FlowOption) is not null || parseResult.GetValue(FlowRunIdOption) is not null
        || parseResult.GetValue(NamespaceOption) is not null || parseResult.GetValue(ImageOption) is not null;

    /// <summary>
    /// The selected flow with the run's id (<c>--flow-run-id</c>, else a new one), namespace and image; null when no flow
    /// is selected (<see cref="FlowsCommandLineContext.SelectFlow"/> wrote why; the exit code is <see cref="ExitCodes.UsageError"/>).
    /// </summary>
    public JobCommandRun? Read(FlowsCommandLineContext context, ParseResult parseResult) =>
        context.SelectFlow(parseResult.GetValue(FlowOption)) is { } flow
            ? new JobCommandRun(flow, parseResult.GetValue(FlowRunIdOption) ?? FlowRunIds.New(), parseResult.GetValue(NamespaceOption), parseResult.GetValue(ImageOption))
            : null;

    /// <summary>Writes the one line of a run that cannot be made (a bad namespace, image or parameter); returns <see cref="ExitCodes.UsageError"/>.</summary>
    public static int InvalidRun(FlowsCommandLineContext context, ArgumentException invalid)
    {
        context.Error.WriteLine("error: " + invalid.Message);
        return ExitCodes.UsageError;
    }
}
