using System.CommandLine;

namespace Flows.Cli;

/// <summary><c>graph</c>: prints a flow's task graph as Mermaid or Graphviz DOT.</summary>
internal static class GraphCommand
{
    public static Command Create(FlowsCommandLineContext context)
    {
        var flowOption = FlowsCommandLineContext.CreateFlowOption();
        var formatOption = new Option<string>("--format")
        {
            Description = "mermaid or dot.",
            DefaultValueFactory = _ => "mermaid",
        };
        formatOption.AcceptOnlyFromAmong("mermaid", "dot");
        var graph = new Command("graph", "Print a flow's task graph as Mermaid or Graphviz DOT.") { flowOption, formatOption };
        graph.SetAction(parseResult =>
        {
            var flow = context.SelectFlow(parseResult.GetValue(flowOption));
            if (flow is null)
            {
                return ExitCodes.UsageError;
            }
            context.Output.Write(parseResult.GetValue(formatOption) == "dot" ? FlowGraphRenderer.ToDot(flow) : FlowGraphRenderer.ToMermaid(flow));
            return ExitCodes.Success;
        });
        return graph;
    }
}
