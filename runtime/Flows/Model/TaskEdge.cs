namespace Flows;

/// <summary>What an edge between two tasks carries.</summary>
public enum TaskEdgeKind
{
    /// <summary>The upstream task's result is passed to a parameter (<see cref="FromTaskAttribute"/>).</summary>
    Data,

    /// <summary>Ordering only (<see cref="DependsOnAttribute"/>).</summary>
    Order,
}

/// <summary>An edge from the upstream task at <paramref name="UpstreamIndex"/> into a task.</summary>
/// <param name="ParameterName">For a data edge, the parameter that receives the result.</param>
public readonly record struct TaskEdge(int UpstreamIndex, TaskEdgeKind Kind, string? ParameterName = null);
