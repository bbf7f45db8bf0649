using Flows.Generators.Core;

namespace Flows.Generators.Flows;

/// <summary>Opens and closes the namespace and the types around a flow class's generated part.</summary>
internal static class FlowTypeNesting
{
    public static void Open(SourceWriter writer, FlowModel flow)
    {
        if (flow.Namespace is not null)
        {
            writer.Open($"namespace {GeneratedCode.QualifiedName(flow.Namespace)}");
        }
        foreach (var containing in flow.ContainingTypes)
        {
            writer.Open($"{containing.Keyword} {GeneratedCode.Identifier(containing.Name)}");
        }
        writer.Open($"{flow.TypeKeyword} {GeneratedCode.Identifier(flow.TypeName)}");
    }

    public static void Close(SourceWriter writer, FlowModel flow)
    {
        writer.Close();
        foreach (var _ in flow.ContainingTypes)
        {
            writer.Close();
        }
        if (flow.Namespace is not null)
        {
            writer.Close();
        }
    }
}
