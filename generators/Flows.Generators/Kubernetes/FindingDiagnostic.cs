using Microsoft.CodeAnalysis;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.Kubernetes;

/// <summary>The diagnostic a checker gives a finding of the API server port: where, and with what message arguments.</summary>
internal readonly struct FindingDiagnostic
{
    public FindingDiagnostic(DiagnosticDescriptor descriptor, YamlNode? node, params object?[] arguments)
    {
        Descriptor = descriptor;
        Node = node;
        Arguments = arguments;
    }

    /// <summary>No diagnostic: another one says the same.</summary>
    public static FindingDiagnostic None => default;

    public DiagnosticDescriptor? Descriptor { get; }

    public YamlNode? Node { get; }

    public object?[] Arguments { get; }
}
