using Microsoft.CodeAnalysis;
using YamlDotNet.Core;

namespace Flows.Generators.Kubernetes;

/// <summary>Where a job-spec problem is reported: a span of the YAML file, or one of the flow's attributes.</summary>
internal enum ProblemTarget
{
    Yaml,
    KubernetesJobAttribute,
    DockerStorageAttribute,

    /// <summary>[PodTask] or [ContainerTask] on the task method.</summary>
    PodTaskAttribute,
}

/// <summary>A problem found in a flow's Kubernetes job environment, before it becomes a Diagnostic with a Location.</summary>
internal sealed class SpecProblem
{
    /// <param name="argumentName">For an attribute target: the constructor parameter or named argument the problem is in (PodSpecFile, Environment...).</param>
    /// <param name="elementIndex">For an array argument: the element the problem is in.</param>
    public SpecProblem(DiagnosticDescriptor descriptor, ProblemTarget target, Mark start, Mark end, object?[] arguments, string? argumentName = null, int? elementIndex = null)
    {
        ArgumentName = argumentName;
        ElementIndex = elementIndex;
        Descriptor = descriptor;
        Target = target;
        Start = start;
        End = end;
        Arguments = arguments;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public ProblemTarget Target { get; }

    /// <summary>YamlDotNet marks: Line and Column are 1-based, Index is the 0-based character offset.</summary>
    public Mark Start { get; }

    public Mark End { get; }

    public object?[] Arguments { get; }

    public string? ArgumentName { get; }

    public int? ElementIndex { get; }
}
