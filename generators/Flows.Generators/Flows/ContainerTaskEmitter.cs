using System.Linq;
using Flows.Generators.Core;

namespace Flows.Generators.Flows;

/// <summary>
/// Writes the implementations of a flow's container tasks (body-less partial methods) in a file of their own,
/// also for a flow with errors: without them the compiler stops at CS8795 and the analyzers, which say what is
/// wrong, never run.
/// </summary>
internal static class ContainerTaskEmitter
{
    public static bool HasContainerTasks(FlowModel flow) => flow.Tasks.Any(t => t.Pod?.PartialSignature is not null);

    public static string Emit(FlowModel flow)
    {
        var writer = GeneratedCode.StartFile();
        FlowTypeNesting.Open(writer, flow);
        var first = true;
        foreach (var task in flow.Tasks.Where(t => t.Pod?.PartialSignature is not null))
        {
            if (!first)
            {
                writer.Line();
            }
            first = false;
            var image = task.Pod!.Attribute.Image ?? "";
            writer.Line($"/// <summary>Container task {task.Name} runs image {GeneratedCode.XmlText(image)} in its own pod when its flow runs; it has no body to call.</summary>");
            writer.Line(GeneratedCode.Attribute);
            writer.Line($"{task.Pod.PartialSignature} => throw new global::System.NotSupportedException(" +
                GeneratedCode.Literal($"Container task '{task.Name}' runs image {image} in its own pod when flow '{flow.Name}' runs; it has no C# body to call.") + ");");
        }
        FlowTypeNesting.Close(writer, flow);
        return writer.Finish();
    }
}
