using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Flows.Generators.Core;
using Flows.Generators.Jobs;
using Flows.Generators.PodTasks;
using Flows.Generators.Storage;
using Flows.Generators.TaskData;

namespace Flows.Generators.Flows;

/// <summary>
/// Writes a flow's generated part: <c>Definition</c> (the graph as static data), <c>RunAsync</c>, and
/// a typed executor that calls the task methods directly and keeps each result in a field of its type.
/// </summary>
internal static class FlowEmitter
{
    public static string Emit(FlowModel flow, JobSpecModel? job = null, string? projectFile = null, EquatableArray<TaskCheckedPod> pods = default)
    {
        var podsByTask = pods.ToDictionary(p => p.TaskIndex, p => p.Pod);
        var writer = GeneratedCode.StartFile();
        FlowTypeNesting.Open(writer, flow);
        EmitDefinition(writer, flow, job, projectFile, podsByTask);
        writer.Line();
        if (job is not null)
        {
            KubernetesJobEmitter.EmitMembers(writer, job, hasPodTasks: podsByTask.Count > 0);
            writer.Line();
        }
        if (podsByTask.Count > 0)
        {
            PodTaskEmitter.EmitPodMembers(writer, TaskPods(flow), podsByTask);
        }
        if (flow.JsonTypes.Count > 0)
        {
            JsonTypeInfoEmitter.Emit(writer, flow.JsonTypes);
            writer.Line();
        }
        EmitRunAsync(writer);
        writer.Line();
        EmitExecutor(writer, flow, podsByTask.Count > 0);
        FlowTypeNesting.Close(writer, flow);
        return writer.Finish();
    }

    private static void EmitDefinition(SourceWriter writer, FlowModel flow, JobSpecModel? job, string? projectFile, System.Collections.Generic.Dictionary<int, PodSpecModel> pods)
    {
        writer.Line($"/// <summary>The graph of flow {GeneratedCode.XmlText(flow.Name)}, generated at compile time.</summary>");
        writer.Line(GeneratedCode.Attribute);
        writer.Line("public static global::Flows.FlowDefinition Definition { get; } = new global::Flows.FlowDefinition(");
        writer.Line($"    name: {GeneratedCode.Literal(flow.Name)},");
        writer.Line($"    typeName: {GeneratedCode.Literal(flow.DisplayTypeName)},");
        writer.Line($"    description: {GeneratedCode.Literal(flow.Description)},");
        writer.Line("    tasks: new global::Flows.TaskDefinition[]");
        writer.Line("    {");
        for (var i = 0; i < flow.Tasks.Count; i++)
        {
            var task = flow.Tasks[i];
            var edges = task.Upstream.Count == 0
                ? "global::System.Array.Empty<global::Flows.TaskEdge>()"
                : "new global::Flows.TaskEdge[] { " + string.Join(", ", task.Upstream.Select(EdgeExpression)) + " }";
            var timeout = task.TimeoutTicks > 0 ? $"global::System.TimeSpan.FromTicks({Ticks(task.TimeoutTicks)})" : "null";
            writer.Line($"        new global::Flows.TaskDefinition({i}, {GeneratedCode.Literal(task.Name)}, global::Flows.TaskTrigger.{task.Trigger}, " +
                        $"{task.Retries}, global::System.TimeSpan.FromTicks({Ticks(task.RetryDelayTicks)}), {timeout}, {GeneratedCode.Literal(task.ResultTypeDisplay)}, {edges}" +
                        (task.Pod is { } pod && pods.TryGetValue(i, out var model) ? $", pod: {PodTaskEmitter.DefinitionArgument(i, pod, model)}" : "") + "),");
        }
        writer.Line("    },");
        if (flow.Parameters.Count == 0)
        {
            writer.Line("    parameters: global::System.Array.Empty<global::Flows.FlowParameterDefinition>(),");
        }
        else
        {
            writer.Line("    parameters: new global::Flows.FlowParameterDefinition[]");
            writer.Line("    {");
            foreach (var parameter in flow.Parameters)
            {
                writer.Line($"        new global::Flows.FlowParameterDefinition({GeneratedCode.Literal(parameter.Name)}, {GeneratedCode.Literal(parameter.TypeDisplay)}, " +
                            $"{(parameter.DefaultExpression is null ? "true" : "false")}, {GeneratedCode.Literal(parameter.DefaultDisplay)}, {GeneratedCode.Literal(parameter.Description)}" +
                            (parameter.IsSecret ? ", IsSecret: true" : "") + "),");
            }
            writer.Line("    },");
        }
        writer.Line($"    topologicalOrder: new int[] {{ {string.Join(", ", flow.TopologicalOrder)} }},");
        writer.Line("    createExecutor: static parameters => new __FlowsExecutor(parameters)" +
            (job is null && flow.Storage is null ? ");" : ","));
        if (job is not null)
        {
            writer.Line($"    kubernetesJob: {KubernetesJobEmitter.TemplateExpression(job)}" + (flow.Storage is null ? ");" : ","));
        }
        if (flow.Storage is { } storage)
        {
            writer.Line($"    dockerStorage: {DockerStorageEmitter.Expression(storage, projectFile)});");
        }
    }

    private static string EdgeExpression(TaskEdgeModel edge) =>
        edge.IsData
            ? $"new global::Flows.TaskEdge({edge.UpstreamIndex}, global::Flows.TaskEdgeKind.Data, {GeneratedCode.Literal(edge.ParameterName)})"
            : $"new global::Flows.TaskEdge({edge.UpstreamIndex}, global::Flows.TaskEdgeKind.Order)";

    private static string Ticks(long ticks) => ticks.ToString(CultureInfo.InvariantCulture) + "L";

    private static void EmitRunAsync(SourceWriter writer)
    {
        writer.Line("/// <summary>Runs this flow in-process.</summary>");
        writer.Line(GeneratedCode.Attribute);
        writer.Line("public static global::System.Threading.Tasks.Task<global::Flows.FlowRunResult> RunAsync(global::Flows.FlowRunOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)");
        writer.Line("    => global::Flows.FlowRunner.RunAsync(Definition, options, cancellationToken);");
    }

    private static void EmitExecutor(SourceWriter writer, FlowModel flow, bool hasPodTasks)
    {
        writer.Line(GeneratedCode.Attribute);
        writer.Open("private sealed class __FlowsExecutor : global::Flows.IFlowRunExecutor" + (hasPodTasks ? ", global::Flows.ITaskDataTransfer" : ""));
        for (var i = 0; i < flow.Parameters.Count; i++)
        {
            var parameter = flow.Parameters[i];
            writer.Line($"private readonly {parameter.Type} __parameter{i};");
        }
        for (var i = 0; i < flow.Tasks.Count; i++)
        {
            var task = flow.Tasks[i];
            if (task.ResultType is not null)
            {
                writer.Line($"private {task.ResultType} __result{i} = default!;");
            }
        }
        if (flow.Parameters.Count > 0 || flow.Tasks.Any(t => t.ResultType is not null))
        {
            writer.Line();
        }

        writer.Open("public __FlowsExecutor(global::Flows.FlowParameterValues parameters)");
        for (var i = 0; i < flow.Parameters.Count; i++)
        {
            var parameter = flow.Parameters[i];
            var name = GeneratedCode.Literal(parameter.Name);
            var secret = parameter.IsSecret ? "Secret" : "";
            var parse = parameter.IsEnum
                ? $"global::Flows.FlowParameterParser.Parse{secret}Enum<{parameter.Type.TrimEnd('?')}>({name}, __raw{i})"
                : $"global::Flows.FlowParameterParser.Parse{secret}<{parameter.Type.TrimEnd('?')}>({name}, __raw{i})";
            var fallback = parameter.DefaultExpression switch
            {
                null => $"global::Flows.FlowParameterParser.Required{secret}<{parameter.Type}>({name})",
                // `string label = null` written without nullable annotations: the field's type is not annotated either.
                "null" when !parameter.Type.EndsWith("?", System.StringComparison.Ordinal) => "null!",
                var expression => expression,
            };
            writer.Line($"__parameter{i} = parameters.TryGetRaw({name}, out var __raw{i}) ? {parse} : {fallback};");
        }
        writer.Close();
        writer.Line();

        writer.Open("public global::System.Threading.Tasks.ValueTask InvokeAsync(int taskIndex, global::Flows.TaskRunContext context, global::System.Threading.CancellationToken cancellationToken)");
        writer.Open("switch (taskIndex)");
        for (var i = 0; i < flow.Tasks.Count; i++)
        {
            var task = flow.Tasks[i];
            var call = $"{flow.FullyQualifiedTypeName}.{GeneratedCode.Identifier(task.Name)}({string.Join(", ", task.Arguments.Select(ArgumentExpression))})";
            writer.Line($"case {i}: // {task.Name}");
            switch (task.ReturnKind)
            {
                case TaskReturnKind.Void:
                    writer.Line($"    {call};");
                    writer.Line("    return default;");
                    break;
                case TaskReturnKind.Value:
                    writer.Line($"    __result{i} = {call};");
                    writer.Line("    return default;");
                    break;
                case TaskReturnKind.Task:
                    writer.Line($"    return new global::System.Threading.Tasks.ValueTask({call});");
                    break;
                case TaskReturnKind.ValueTask:
                    writer.Line($"    return {call};");
                    break;
                default:
                    writer.Line($"    return __Invoke{i}(context, cancellationToken);");
                    break;
            }
        }
        writer.Line("default:");
        writer.Line("    throw new global::System.ArgumentOutOfRangeException(nameof(taskIndex));");
        writer.Close();
        writer.Close();

        for (var i = 0; i < flow.Tasks.Count; i++)
        {
            var task = flow.Tasks[i];
            if (task.ReturnKind is not (TaskReturnKind.TaskOfValue or TaskReturnKind.ValueTaskOfValue))
            {
                continue;
            }
            var call = $"{flow.FullyQualifiedTypeName}.{GeneratedCode.Identifier(task.Name)}({string.Join(", ", task.Arguments.Select(ArgumentExpression))})";
            writer.Line();
            writer.Open($"private async global::System.Threading.Tasks.ValueTask __Invoke{i}(global::Flows.TaskRunContext context, global::System.Threading.CancellationToken cancellationToken)");
            writer.Line($"__result{i} = await {call}.ConfigureAwait(false);");
            writer.Close();
        }

        writer.Line();
        var results = Enumerable.Range(0, flow.Tasks.Count).Where(i => flow.Tasks[i].ResultType is not null).ToList();
        if (results.Count == 0)
        {
            writer.Line("public object? GetResult(int taskIndex) => null;");
        }
        else
        {
            writer.Open("public object? GetResult(int taskIndex) => taskIndex switch");
            foreach (var i in results)
            {
                writer.Line($"{i} => __result{i},");
            }
            writer.Line("_ => null,");
            writer.Close(";");
        }
        if (hasPodTasks)
        {
            writer.Line();
            PodTaskEmitter.EmitDataTransfer(writer, TaskPods(flow));
        }
        writer.Close();
    }

    private static string ArgumentExpression(TaskArgumentModel argument) => argument.Kind switch
    {
        // The analyzer warns (FLOW024) where a nullable result meets a non-nullable parameter; the generated call does not repeat it.
        TaskArgumentKind.Upstream => $"__result{argument.Index}!",
        TaskArgumentKind.FlowParameter => $"__parameter{argument.Index}",
        TaskArgumentKind.CancellationToken => "cancellationToken",
        _ => "context",
    };

    private static List<(string Name, TaskPodModel? Pod)> TaskPods(FlowModel flow) =>
        flow.Tasks.Select(task => (task.Name, task.Pod)).ToList();
}
