using System;
using System.CommandLine;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Manifests;

namespace Flows.Kubernetes;

/// <summary>
/// <c>submit [--flow NAME] [--flow-run-id ID] [--namespace NS] [--image REF] [--param NAME=VALUE]... [--wait] [--follow] [--keep] [--evidence-dir DIR]</c>:
/// runs the flow as its Kubernetes Job. See docs/kubernetes.md.
/// </summary>
internal static class SubmitCommand
{
    public static Command Create(FlowsCommandLineContext context, KubernetesCommandSettings settings)
    {
        var start = new JobCommandStart("The flow run id (a label value); default: a new id. The Job's name and identifier label derive from it.");
        var waitOption = new Option<bool>("--wait") { Description = "Wait for the run to end, report pod problems, exit 0 or 1 by its result, then delete the Job and its pods." };
        var followOption = new Option<bool>("--follow") { Description = "Stream the flow container's log to stdout (implies --wait)." };
        var keepOption = new Option<bool>("--keep") { Description = "Do not delete the Job and its pods at the end (or on Ctrl+C)." };
        var paramOption = FlowsCommandLineContext.CreateParamOption();
        var evidenceOption = new Option<string?>("--evidence-dir") { Description = "Where to save the evidence of a failed run; default: ./flows-evidence/<job-name>." };
        var submit = new Command("submit", "Run the flow as a Kubernetes Job (kubeconfig from KUBECONFIG, ~/.kube/config, or in-cluster); print the Job's name, or with --wait follow it to its end.");
        start.AddOptionsTo(submit, paramOption, waitOption, followOption, keepOption, evidenceOption);
        submit.SetAction((parseResult, cancellationToken) =>
        {
            if (start.Read(context, parseResult) is not { } selected || selected.JobTemplate(context) is not { } template)
            {
                return Task.FromResult(ExitCodes.UsageError);
            }
            var flow = selected.Flow;
            var parameters = FlowParameterInput.Read(flow, parseResult.GetValue(paramOption) ?? Array.Empty<string>(), context.Error);
            if (parameters is null)
            {
                return Task.FromResult(ExitCodes.UsageError);
            }
            if (FlowParameterInput.Missing(flow, parameters) is { Count: > 0 } missing)
            {
                // Found here, not minutes later in the Job's log.
                foreach (var line in missing)
                {
                    context.Error.WriteLine(line);
                }
                return Task.FromResult(ExitCodes.UsageError);
            }
            KubernetesRunInfo run;
            try
            {
                run = selected.CreateRun(template).WithParameters(flow, parameters);
            }
            catch (ArgumentException invalid)
            {
                return Task.FromResult(JobCommandStart.InvalidRun(context, invalid));
            }
            var follow = parseResult.GetValue(followOption);
            var request = new SubmitRequest(flow, template, run,
                Wait: follow || parseResult.GetValue(waitOption),
                FollowLog: follow,
                Keep: parseResult.GetValue(keepOption),
                EvidenceFolder: parseResult.GetValue(evidenceOption));
            return new FlowSubmission(context, settings).RunAsync(request, cancellationToken);
        });
        return submit;
    }
}
