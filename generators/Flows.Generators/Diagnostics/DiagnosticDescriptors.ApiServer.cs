using Microsoft.CodeAnalysis;

namespace Flows.Generators.Diagnostics;

/// <summary>The findings of the build-time port of the API server's validation (Kubernetes/Validation), for job and pod specs alike.</summary>
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor SpecRejectedByApiServer = Error("FLOW077",
        "The Kubernetes API server rejects this field",
        "{0}: {1}. The API server would reject the {2} with this message: change the value at this line as it says");

    public static readonly DiagnosticDescriptor SpecFieldIgnored = Warning("FLOW078",
        "The Kubernetes API server ignores this field",
        "{0}: {1}");
}
