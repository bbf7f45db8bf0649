using Microsoft.CodeAnalysis;

namespace Flows.Generators.Diagnostics;

/// <summary>YAML that the bounded loader (Flows.Yaml.BoundedYaml) refuses, for job and pod specs alike.</summary>
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor YamlOverLimit = Error("FLOW080",
        "The YAML is over a limit of what Flows reads",
        "{0} is not loaded: {1}");

    public static readonly DiagnosticDescriptor YamlWithoutJson = Error("FLOW081",
        "kubectl cannot convert this YAML to JSON",
        "{0} cannot be sent as JSON: {1}");
}
