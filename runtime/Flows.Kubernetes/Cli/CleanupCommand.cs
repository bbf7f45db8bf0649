using System;
using System.CommandLine;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Manifests;

namespace Flows.Kubernetes;

/// <summary>
/// <c>cleanup --flow-run-id ID [--namespace NS] [--flow NAME]</c>: deletes the Jobs and pods labelled with the
/// run's identifier (propagationPolicy Background) and prints what it deleted.
/// </summary>
internal static class CleanupCommand
{
    public static Command Create(FlowsCommandLineContext context, KubernetesCommandSettings settings)
    {
        var flowRunIdOption = new Option<string>("--flow-run-id") { Description = "The flow run whose Job and pods to delete.", Required = true };
        var namespaceOption = new Option<string?>("--namespace", "-n") { Description = "The namespace; default: the flow's (see --flow), else the kubeconfig context's, else \"default\"." };
        var flowOption = FlowsCommandLineContext.CreateFlowOption();
        flowOption.Description = "The flow whose default namespace to use when --namespace is not given.";
        var cleanup = new Command("cleanup", "Delete a flow run's Kubernetes Job and pods (found by the run's identifier label).")
        {
            flowRunIdOption, namespaceOption, flowOption,
        };
        cleanup.SetAction((parseResult, cancellationToken) =>
        {
            var flowRunId = parseResult.GetValue(flowRunIdOption)!;
            if (!KubernetesRunInfo.IsValidLabelValue(flowRunId) || flowRunId.Length == 0)
            {
                context.Error.WriteLine($"error: the flow run id '{flowRunId}' cannot be a Kubernetes label value, so no run has it.");
                return Task.FromResult(ExitCodes.UsageError);
            }
            var flowNamespace = (string?)null;
            if (parseResult.GetValue(namespaceOption) is null)
            {
                if (!TryFlowNamespace(context, parseResult.GetValue(flowOption), out flowNamespace))
                {
                    return Task.FromResult(ExitCodes.UsageError);
                }
            }
            return RunAsync(context, settings, flowRunId, parseResult.GetValue(namespaceOption) ?? flowNamespace, cancellationToken);
        });
        return cleanup;
    }

    /// <summary>The default namespace of the flow named, or shared by all flows with a Kubernetes Job; null when none says.</summary>
    private static bool TryFlowNamespace(FlowsCommandLineContext context, string? flowName, out string? @namespace)
    {
        @namespace = null;
        if (flowName is not null)
        {
            var flow = context.SelectFlow(flowName);
            if (flow is null)
            {
                return false;
            }
            @namespace = flow.KubernetesJob?.DefaultNamespace;
            return true;
        }
        var namespaces = context.Flows.Select(f => f.KubernetesJob?.DefaultNamespace).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (namespaces.Count > 1)
        {
            context.Error.WriteLine($"error: the flows' Jobs use different namespaces ({string.Join(", ", namespaces)}); choose one with --namespace or --flow.");
            return false;
        }
        @namespace = namespaces.SingleOrDefault();
        return true;
    }

    private static async Task<int> RunAsync(FlowsCommandLineContext context, KubernetesCommandSettings settings, string flowRunId, string? @namespace, CancellationToken cancellationToken)
    {
        using var api = KubernetesConnection.Open(settings, context.Error);
        if (api is null)
        {
            return ExitCodes.UsageError;
        }
        var ns = @namespace ?? (string.IsNullOrEmpty(api.ConfiguredNamespace) ? "default" : api.ConfiguredNamespace);
        var identifier = KubernetesRunInfo.IdentifierFor(flowRunId);
        try
        {
            var deleted = await RunDeletion.DeleteAsync(api, ns, identifier, cancellationToken).ConfigureAwait(false);
            foreach (var job in deleted.Jobs)
            {
                context.Output.WriteLine($"deleted job {ns}/{job}");
            }
            foreach (var pod in deleted.Pods)
            {
                context.Output.WriteLine($"deleted pod {ns}/{pod}");
            }
            foreach (var pod in deleted.PodsAlreadyTerminating)
            {
                context.Output.WriteLine($"pod {ns}/{pod} is already terminating");
            }
            if (deleted.IsEmpty)
            {
                context.Output.WriteLine($"nothing to delete: no Job or pod has label {RunLabels.IdentifierSelector(identifier)} (flow run id {flowRunId}) in namespace {ns}");
            }
            return ExitCodes.Success;
        }
        catch (Exception failed) when (failed is KubernetesApiException || KubernetesApi.IsConnectionError(failed, cancellationToken))
        {
            context.Error.WriteLine($"error: could not delete the run's Job and pods in namespace {ns} at {api.BaseUri}: {KubernetesApi.Describe(failed)}");
            return ExitCodes.Failed;
        }
    }
}
