using System.Linq;

namespace Flows.Runtime.Tests.Kubernetes;

/// <summary>The flows of <c>KubernetesFlows.cs</c>, by name.</summary>
internal static class KubernetesTestFlows
{
    public static readonly FlowDefinition[] All =
    [
        Seed001Flow.Definition, Seed000Flow.Definition, SecondContainerFlow.Definition, NamespacedFlow.Definition, DefaultJobFlow.Definition,
    ];

    public static FlowDefinition Named(string name) => All.Single(flow => flow.Name == name);
}
