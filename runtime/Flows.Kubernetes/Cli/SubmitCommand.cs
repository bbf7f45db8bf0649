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
        var flowOption = FlowsCommandLineContext.CreateFlowOption();
        var flowRunIdOption = FlowsCommandLineContext.CreateFlowRunIdOption("The flow run id (a label value); default: a new id. The Job's name and identifier label derive from it.");
        var namespaceOption = new Option<string?>("--namespace", "-n") { Description = "The namespace; default: the one on [KubernetesJob], else \"default\"." };
        var waitOption = new Option<bool>("--wait") { Description = "Wait for the run to end, report pod problems, exit 0 or 1 by its result, then delete the Job and its pods." };
        var followOption = new Option<bool>("--follow") { Description = "Stream the flow container's log to stdout (implies --wait)." };
        var keepOption = new Option<bool>("--keep") { Description = "Do not delete the Job and its pods at the end (or on Ctrl+C)." };
        var imageOption = FlowsCommandLineContext.CreateImageOption();
        var paramOption = FlowsCommandLineContext.CreateParamOption();
        var evidenceOption = new Option<string?>("--evidence-dir") { Description = "Where to save the evidence of a failed run; default: ./flows-evidence/<job-name>." };
        var submit = new Command("submit", "Run the flow as a Kubernetes Job (kubeconfig from KUBECONFIG, ~/.kube/config, or in-cluster); print the Job's name, or with --wait follow it to its end.")
        {
            flowOption, flowRunIdOption, namespaceOption, imageOption, paramOption, waitOption, followOption, keepOption, evidenceOption,
        };
        submit.SetAction((parseResult, cancellationToken) =>
        {
            var flow = context.SelectFlow(parseResult.GetValue(flowOption));
            if (flow is null)
            {
                return Task.FromResult(ExitCodes.UsageError);
            }
            if (flow.KubernetesJob is not { } template)
            {
                context.Error.WriteLine($"error: flow '{flow.Name}' has no Kubernetes job environment: add [KubernetesJob(\"job_spec.yaml\")] and [DockerStorage(...)] to {flow.TypeName}.");
                return Task.FromResult(ExitCodes.UsageError);
            }
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
                run = KubernetesRunInfo.Create(flow, template, parseResult.GetValue(flowRunIdOption) ?? FlowRunIds.New(), parseResult.GetValue(namespaceOption))
                    .WithImage(parseResult.GetValue(imageOption))
                    .WithParameters(flow, parameters);
            }
            catch (ArgumentException invalid)
            {
                context.Error.WriteLine("error: " + invalid.Message);
                return Task.FromResult(ExitCodes.UsageError);
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
