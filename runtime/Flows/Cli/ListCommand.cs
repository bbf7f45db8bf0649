using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Flows.Cli;

/// <summary><c>list</c>: the flows, their tasks in order (pod, trigger, retries, timeout, upstream) and parameters.</summary>
internal static class ListCommand
{
    public static Command Create(FlowsCommandLineContext context)
    {
        var list = new Command("list", "List the flows, their tasks and parameters.");
        list.SetAction(_ =>
        {
            foreach (var flow in context.Flows)
            {
                WriteFlowListing(flow, context.Output);
            }
            return ExitCodes.Success;
        });
        return list;
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
            if (task.Pod is { } pod)
            {
                details.Add(pod.Kind == PodTaskKind.Container ? $"container task, image {pod.Image}" : $"pod task, container '{pod.PrimaryContainerName}' of {pod.PodSpecFile}");
            }
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
}
