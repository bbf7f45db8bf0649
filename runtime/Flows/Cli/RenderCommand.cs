using System;
using System.CommandLine;
using System.Linq;
using Flows.Manifests;

namespace Flows.Cli;

/// <summary>
/// <c>render</c>: prints the flow's patched Kubernetes Job as YAML that <c>kubectl apply -f -</c> accepts;
/// with <c>--task</c>, the Pod a pod task would run; with <c>--rbac</c>, the ServiceAccount, Role and RoleBinding its pod tasks need.
/// </summary>
internal static class RenderCommand
{
    public static Command Create(FlowsCommandLineContext context)
    {
        var start = new JobCommandStart("The flow run id to render the Job for; default: a new id.");
        var taskOption = new Option<string?>("--task", "-t") { Description = "Print the Pod this pod task ([PodTask] or [ContainerTask]) would run, instead of the Job." };
        var paramOption = FlowsCommandLineContext.CreateParamOption();
        var rbacOption = new Option<bool>("--rbac") { Description = "Print the ServiceAccount, Role and RoleBinding (all named flows-<flow>) that let the flow's Job create its pod tasks' pods, and nothing more." };
        var render = new Command("render", "Print the Kubernetes Job this flow would run as, patched for one run, as YAML.");
        start.AddOptionsTo(render, paramOption, taskOption, rbacOption);
        render.SetAction(parseResult =>
        {
            if (start.Read(context, parseResult) is not { } selected)
            {
                return ExitCodes.UsageError;
            }
            var flow = selected.Flow;
            try
            {
                if (parseResult.GetValue(taskOption) is { } taskName)
                {
                    return RenderPod(context, flow, taskName, selected.FlowRunId, selected.Namespace, selected.Image);
                }
                if (parseResult.GetValue(rbacOption))
                {
                    return RenderRbac(context, flow, selected.FlowRunId, selected.Namespace);
                }
                if (selected.JobTemplate(context) is not { } template)
                {
                    return ExitCodes.UsageError;
                }
                // Secret values are never printed: the Job reads them by reference, and the note says how to create the Secret.
                var parameters = FlowParameterInput.Read(flow, parseResult.GetValue(paramOption) ?? Array.Empty<string>(), context.Error,
                    environment: static _ => null);
                if (parameters is null)
                {
                    return ExitCodes.UsageError;
                }
                var run = selected.CreateRun(template).WithParameters(flow, parameters);
                context.Output.Write(JobYaml.Write(template.CreateJob(run)));
                SecretParameterNote.Write(context.Error, run);
                return ExitCodes.Success;
            }
            catch (ArgumentException invalid)
            {
                return JobCommandStart.InvalidRun(context, invalid);
            }
        });
        return render;
    }

    private static int RenderPod(FlowsCommandLineContext context, FlowDefinition flow, string taskName, string flowRunId, string? @namespace, string? image)
    {
        if (!flow.TryGetTask(taskName, out var task))
        {
            context.Error.WriteLine($"error: flow '{flow.Name}' has no task named '{taskName}'. Tasks: {string.Join(", ", flow.Tasks.Select(t => t.Name))}.");
            return ExitCodes.UsageError;
        }
        if (task.Pod is not { } pod)
        {
            var podTasks = flow.Tasks.Where(t => t.Pod is not null).Select(t => t.Name).ToList();
            context.Error.WriteLine($"error: task '{taskName}' runs in the flow's process, not in its own pod: mark it [PodTask(...)] or [ContainerTask(...)]." +
                (podTasks.Count == 0 ? "" : $" Pod tasks of '{flow.Name}': {string.Join(", ", podTasks)}."));
            return ExitCodes.UsageError;
        }
        // The inputs exist only during a run: the printed Pod shows its placeholders and an empty FLOWS__TASK__INPUTS.
        var run = PodTaskRunInfo.Create(flow, task, flowRunId, @namespace, image, 1, "", FlowParameterValues.Empty, FlowContextVariables.ReadFromProcess());
        context.Output.Write(JobYaml.Write(pod.CreatePod(run)));
        return ExitCodes.Success;
    }

    private static int RenderRbac(FlowsCommandLineContext context, FlowDefinition flow, string flowRunId, string? @namespace)
    {
        if (!flow.Tasks.Any(t => t.Pod is not null))
        {
            context.Error.WriteLine($"error: flow '{flow.Name}' has no pod tasks: its Job does not use the Kubernetes API, so it needs no Role. " +
                "render --rbac prints the ServiceAccount, Role and RoleBinding of a flow with [PodTask] or [ContainerTask] tasks.");
            return ExitCodes.UsageError;
        }
        var ns = @namespace is { Length: > 0 } ? @namespace : flow.KubernetesJob?.DefaultNamespace ?? "default";
        KubernetesRunInfo.CheckNamespace(ns);
        // The user's spec may name the account (it wins): then only the Role and its binding to that account are Flows'.
        var account = PodTaskRbac.NameFor(flow.Name);
        var namedAccount = flow.KubernetesJob is { } template
            ? PodTaskRbac.ServiceAccountOf(template.CreateJob(KubernetesRunInfo.Create(flow, template, flowRunId, ns)))
            : null;
        if (namedAccount is null || namedAccount == account)
        {
            context.Output.Write(JobYaml.Write(PodTaskRbac.ServiceAccount(ns, flow.Name)));
            context.Output.Write("---\n");
        }
        context.Output.Write(JobYaml.Write(PodTaskRbac.Role(ns, flow.Name)));
        context.Output.Write("---\n");
        context.Output.Write(JobYaml.Write(PodTaskRbac.RoleBinding(ns, flow.Name, namedAccount ?? account)));
        return ExitCodes.Success;
    }
}
