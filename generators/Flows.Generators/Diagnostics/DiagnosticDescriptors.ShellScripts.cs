using Microsoft.CodeAnalysis;

namespace Flows.Generators.Diagnostics;

/// <summary>Task inputs that a shell would run as code: FLOW079.</summary>
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor PlaceholderInShellScript = Error("FLOW079",
        "A task input is pasted into a shell script",
        "Container task '{0}' pastes {1} into the script that '{2}' runs ({3}), so an input such as '\"; id; echo \"' would run as a command: {4}");
}
