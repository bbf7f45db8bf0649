namespace Flows.Generators.Core;

/// <summary>Where a task argument's value comes from: shared by the flow model and the data a pod task receives.</summary>
internal enum TaskArgumentKind
{
    Upstream,
    FlowParameter,
    CancellationToken,
    Context,
}
