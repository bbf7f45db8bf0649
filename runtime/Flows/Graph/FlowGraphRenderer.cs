using System.Text;

namespace Flows;

/// <summary>Renders a flow's graph as Mermaid or Graphviz DOT text. Data edges are solid and labelled with the parameter; ordering edges are dashed.</summary>
public static class FlowGraphRenderer
{
    public static string ToMermaid(FlowDefinition flow)
    {
        var text = new StringBuilder();
        text.Append("---\ntitle: ").Append(flow.Name).Append("\n---\n");
        text.Append("flowchart TD\n");
        foreach (var index in flow.TopologicalOrder)
        {
            var task = flow.Tasks[index];
            text.Append("    t").Append(index).Append("[\"").Append(EscapeMermaid(Label(task))).Append("\"]\n");
        }
        foreach (var index in flow.TopologicalOrder)
        {
            foreach (var edge in flow.Tasks[index].Upstream)
            {
                text.Append("    t").Append(edge.UpstreamIndex);
                text.Append(edge.Kind == TaskEdgeKind.Data ? " -->|" + EscapeMermaid(edge.ParameterName ?? "") + "| " : " -.-> ");
                text.Append('t').Append(index).Append('\n');
            }
        }
        return text.ToString();
    }

    public static string ToDot(FlowDefinition flow)
    {
        var text = new StringBuilder();
        text.Append("digraph \"").Append(EscapeDot(flow.Name)).Append("\" {\n");
        text.Append("    rankdir=TB;\n    node [shape=box];\n");
        foreach (var index in flow.TopologicalOrder)
        {
            text.Append("    t").Append(index).Append(" [label=\"").Append(EscapeDot(Label(flow.Tasks[index]))).Append("\"];\n");
        }
        foreach (var index in flow.TopologicalOrder)
        {
            foreach (var edge in flow.Tasks[index].Upstream)
            {
                text.Append("    t").Append(edge.UpstreamIndex).Append(" -> t").Append(index);
                text.Append(edge.Kind == TaskEdgeKind.Data
                    ? " [label=\"" + EscapeDot(edge.ParameterName ?? "") + "\"];\n"
                    : " [style=dashed];\n");
            }
        }
        text.Append("}\n");
        return text.ToString();
    }

    private static string Label(TaskDefinition task) =>
        task.Trigger == TaskTrigger.AllSuccessful ? task.Name : $"{task.Name} ({task.Trigger})";

    private static string EscapeMermaid(string text) => text.Replace("\"", "#quot;").Replace("|", "#124;");

    private static string EscapeDot(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
