using System.Collections.Generic;
using System.Linq;
using Flows.Generators.Core;

namespace Flows.Generators.PodTasks;

/// <summary>
/// Writes a flow's pod tasks: each task's checked pod spec as embedded JSON with the generated code that
/// builds its Pod for one run, a container task's implementation, and the executor's data transfer
/// (inputs into the pod, the result back) through the generated JSON metadata.
/// </summary>
internal static class PodTaskEmitter
{
    private const string Patching = "global::Flows.Manifests.PodTaskPatching";
    private const string Serializer = "global::System.Text.Json.JsonSerializer";

    /// <summary>The <c>pod:</c> argument of the task's TaskDefinition.</summary>
    public static string DefinitionArgument(int index, TaskPodModel pod, PodSpecModel model)
    {
        var attribute = pod.Attribute;
        var kind = attribute.Kind == PodTaskModelKind.Container ? "Container" : "Sidecar";
        return $"new global::Flows.PodTaskDefinition(global::Flows.PodTaskKind.{kind}, {GeneratedCode.Literal(attribute.PodSpecFile)}, " +
               $"{GeneratedCode.Literal(model.PrimaryContainerName)}, {GeneratedCode.Literal(model.PodBaseName)}, {GeneratedCode.Literal(attribute.Image)}, " +
               $"{(pod.ResultIsLog ? "true" : "false")}, __CreatePod{index})";
    }

    /// <param name="tasks">The flow's tasks in order, by name and pod (null: not a pod task).</param>
    public static void EmitPodMembers(SourceWriter writer, IReadOnlyList<(string Name, TaskPodModel? Pod)> tasks, IReadOnlyDictionary<int, PodSpecModel> pods)
    {
        foreach (var entry in pods.OrderBy(p => p.Key))
        {
            var index = entry.Key;
            var model = entry.Value;
            var task = tasks[index];
            var pod = task.Pod!;
            var attribute = pod.Attribute;
            writer.Line($"/// <summary>The pod spec of task {task.Name} ({GeneratedCode.XmlText(attribute.PodSpecFile ?? "no file")}) as checked at build time, before patching.</summary>");
            writer.Line(GeneratedCode.Attribute);
            writer.Line($"private const string __PodSpecJson{index} = {GeneratedCode.Literal(model.PodJson)};");
            writer.Line();
            writer.Line(GeneratedCode.Attribute);
            writer.Open($"private static global::System.Text.Json.Nodes.JsonObject __CreatePod{index}(global::Flows.Manifests.PodTaskRunInfo run)");
            writer.Line($"var pod = {Patching}.Parse(__PodSpecJson{index});");
            writer.Line($"{Patching}.SetRunMetadata(pod, run);");
            writer.Line($"{Patching}.SetDefaultRestartPolicy(pod);");
            writer.Line($"var container = {Patching}.PrimaryContainer(pod, {GeneratedCode.Literal(model.PrimaryContainerName)});");
            writer.Line("container[\"image\"] = run.Image;");
            var environment = attribute.Environment.Count == 0
                ? "global::System.Array.Empty<string>()"
                : "new string[] { " + string.Join(", ", attribute.Environment.Select(e => GeneratedCode.Literal(e))) + " }";
            if (attribute.Kind == PodTaskModelKind.Sidecar)
            {
                writer.Line($"container[\"command\"] = {Patching}.Strings(new[] {{ {GeneratedCode.Literal("/app/" + attribute.AssemblyName)} }});");
                writer.Line($"container[\"args\"] = {Patching}.Strings(run.TaskArguments);");
                writer.Line($"var terminationMessagePath = {Patching}.SetTerminationMessage(container);");
                writer.Line($"{Patching}.SetResources(container, {Resources(attribute)});");
                writer.Line($"{Patching}.SetEnvironment(container, {environment}, run, false, {Patching}.SidecarTaskVariables(run, terminationMessagePath));");
            }
            else
            {
                EmitStrings(writer, "command", attribute.Command);
                EmitStrings(writer, "args", attribute.Args);
                writer.Line($"{Patching}.SetResources(container, {Resources(attribute)});");
                writer.Line($"{Patching}.SetEnvironment(container, {environment}, run, true);");
            }
            writer.Line($"global::Flows.Manifests.RestrictedPodDefaults.ApplyToPodTask(pod, container, primaryRunsFlowImage: {(attribute.Kind == PodTaskModelKind.Sidecar ? "true" : "false")});");
            writer.Line("return pod;");
            writer.Close();
            writer.Line();
        }
    }

    private static void EmitStrings(SourceWriter writer, string field, EquatableArray<string>? values)
    {
        if (values is not { } strings)
        {
            writer.Line($"container.Remove(\"{field}\");");
            return;
        }
        var arguments = strings.Count == 0 ? "" : ", " + string.Join(", ", strings.Select(v => GeneratedCode.Literal(v)));
        writer.Line($"container[\"{field}\"] = {Patching}.ExpandedStrings(run{arguments});");
    }

    private static string Resources(PodTaskAttributeModel attribute) =>
        $"{GeneratedCode.Literal(attribute.CpuRequest)}, {GeneratedCode.Literal(attribute.CpuLimit)}, {GeneratedCode.Literal(attribute.MemoryRequest)}, {GeneratedCode.Literal(attribute.MemoryLimit)}";

    /// <summary>The executor's <see cref="T:Flows.ITaskDataTransfer"/> members.</summary>
    public static void EmitDataTransfer(SourceWriter writer, IReadOnlyList<(string Name, TaskPodModel? Pod)> tasks)
    {
        var podTasks = Enumerable.Range(0, tasks.Count).Where(i => tasks[i].Pod is not null).ToList();
        // The JSON metadata is for the type without nullable annotations (List<string> for List<string?>).
        writer.Line("#pragma warning disable CS8600, CS8601, CS8604, CS8619, CS8620");

        writer.Open("public string WriteInputs(int taskIndex)");
        writer.Open("switch (taskIndex)");
        foreach (var i in podTasks)
        {
            var inputs = tasks[i].Pod!.Inputs;
            writer.Line($"case {i}: // {tasks[i].Name}");
            writer.Line("    return new global::System.Text.Json.Nodes.JsonObject");
            writer.Line("    {");
            foreach (var input in inputs)
            {
                writer.Line($"        [{GeneratedCode.Literal(input.ParameterName)}] = {Serializer}.SerializeToNode({Field(input)}, __FlowsJson.{input.JsonTypeInfo}),");
            }
            writer.Line("    }.ToJsonString();");
        }
        writer.Line("default:");
        writer.Line("    return \"{}\";");
        writer.Close();
        writer.Close();
        writer.Line();

        writer.Open("public void ReadInputs(int taskIndex, string json)");
        writer.Line("using var document = global::System.Text.Json.JsonDocument.Parse(json);");
        writer.Line("var root = document.RootElement;");
        writer.Open("switch (taskIndex)");
        foreach (var i in podTasks)
        {
            writer.Line($"case {i}: // {tasks[i].Name}");
            foreach (var input in tasks[i].Pod!.Inputs.Where(input => input.Kind == TaskArgumentKind.Upstream))
            {
                writer.Line($"    {Field(input)} = {Serializer}.Deserialize(global::Flows.TaskDataJson.Input(root, {GeneratedCode.Literal(tasks[i].Name)}, " +
                            $"{GeneratedCode.Literal(input.ParameterName)}), __FlowsJson.{input.JsonTypeInfo})!;");
            }
            writer.Line("    break;");
        }
        writer.Close();
        writer.Close();
        writer.Line();

        var withResults = podTasks.Where(i => tasks[i].Pod!.ResultJsonTypeInfo is not null).ToList();
        writer.Open("public string? WriteResult(int taskIndex) => taskIndex switch");
        foreach (var i in withResults)
        {
            writer.Line($"{i} => {Serializer}.Serialize(__result{i}, __FlowsJson.{tasks[i].Pod!.ResultJsonTypeInfo}),");
        }
        writer.Line("_ => null,");
        writer.Close(";");
        writer.Line();

        var logResults = podTasks.Where(i => tasks[i].Pod!.ResultIsLog).ToList();
        writer.Open("public void ReadResult(int taskIndex, string json)");
        // No pod task has a result (a void container task alone): a switch without cases is warning CS1522.
        if (withResults.Count + logResults.Count > 0)
        {
            writer.Open("switch (taskIndex)");
            foreach (var i in withResults)
            {
                writer.Line($"case {i}:");
                writer.Line($"    __result{i} = {Serializer}.Deserialize(json, __FlowsJson.{tasks[i].Pod!.ResultJsonTypeInfo})!;");
                writer.Line("    break;");
            }
            foreach (var i in logResults)
            {
                writer.Line($"case {i}: // the container's log");
                writer.Line($"    __result{i} = global::Flows.TaskDataJson.ReadString(json);");
                writer.Line("    break;");
            }
            writer.Close();
        }
        writer.Close();
        writer.Line("#pragma warning restore CS8600, CS8601, CS8604, CS8619, CS8620");
    }

    private static string Field(TaskDataModel input) =>
        input.Kind == TaskArgumentKind.Upstream ? $"__result{input.Index}" : $"__parameter{input.Index}";
}
