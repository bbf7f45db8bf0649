using System;
using System.CommandLine;
using System.Linq;
using Flows.Manifests;

namespace Flows.Cli;

/// <summary>
/// <c>check</c>: loads every flow of the application and its job spec, and says whether they are usable.
/// A built image runs it as its health check: it proves the entrypoint starts and the embedded specs load.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(FlowsCommandLineContext context)
    {
        var check = new Command("check", "Load every flow and its Kubernetes job spec; exit 0 when all are usable.");
        check.SetAction(_ =>
        {
            if (context.Flows.Count == 0)
            {
                context.Error.WriteLine("error: " + FlowCatalog.GeneratorMissingMessage);
                return ExitCodes.Failed;
            }
            var failed = false;
            foreach (var flow in context.Flows)
            {
                try
                {
                    if (flow.TopologicalOrder.Count != flow.Tasks.Count || flow.TopologicalOrder.Distinct().Count() != flow.Tasks.Count)
                    {
                        throw new InvalidOperationException("its topological order does not cover every task once");
                    }
                    var job = "";
                    if (flow.KubernetesJob is { } template)
                    {
                        var created = template.CreateJob(KubernetesRunInfo.Create(flow, template, "check", null));
                        job = $", job spec {template.JobSpecFile ?? "(default job)"} -> {created["metadata"]?["name"]}";
                    }
                    context.Output.WriteLine($"ok: flow '{flow.Name}': {flow.Tasks.Count} tasks, {flow.Parameters.Count} parameters{job}");
                }
                catch (Exception problem)
                {
                    failed = true;
                    context.Error.WriteLine($"error: flow '{flow.Name}' cannot be loaded: {problem.Message}");
                }
            }
            return failed ? ExitCodes.Failed : ExitCodes.Success;
        });
        return check;
    }
}
