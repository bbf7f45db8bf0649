using System;
using System.CommandLine;
using Flows.Kubernetes;

namespace Flows.Cli;

/// <summary><c>render</c>: prints the flow's patched Kubernetes Job as YAML that <c>kubectl apply -f -</c> accepts.</summary>
internal static class RenderCommand
{
    public static Command Create(FlowsCommandLineContext context)
    {
        var flowOption = FlowsCommandLineContext.CreateFlowOption();
        var flowRunIdOption = FlowsCommandLineContext.CreateFlowRunIdOption("The flow run id to render the Job for; default: a new id.");
        var namespaceOption = new Option<string?>("--namespace", "-n") { Description = "The namespace; default: the one on [KubernetesJob], else the job spec's, else \"default\"." };
        var imageOption = FlowsCommandLineContext.CreateImageOption();
        var render = new Command("render", "Print the Kubernetes Job this flow would run as, patched for one run, as YAML.")
        {
            flowOption, flowRunIdOption, namespaceOption, imageOption,
        };
        render.SetAction(parseResult =>
        {
            var flow = context.SelectFlow(parseResult.GetValue(flowOption));
            if (flow is null)
            {
                return ExitCodes.UsageError;
            }
            if (flow.KubernetesJob is not { } template)
            {
                context.Error.WriteLine($"error: flow '{flow.Name}' has no Kubernetes job environment: add [KubernetesJob(\"job_spec.yaml\")] and [DockerStorage(...)] to {flow.TypeName}.");
                return ExitCodes.UsageError;
            }
            KubernetesRunInfo run;
            try
            {
                run = KubernetesRunInfo.Create(flow, template, parseResult.GetValue(flowRunIdOption) ?? Guid.NewGuid().ToString(), parseResult.GetValue(namespaceOption))
                    .WithImage(parseResult.GetValue(imageOption));
            }
            catch (ArgumentException invalid)
            {
                context.Error.WriteLine("error: " + invalid.Message);
                return ExitCodes.UsageError;
            }
            context.Output.Write(JobYaml.Write(template.CreateJob(run)));
            return ExitCodes.Success;
        });
        return render;
    }
}
