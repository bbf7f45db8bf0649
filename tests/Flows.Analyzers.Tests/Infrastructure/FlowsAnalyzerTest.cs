using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Flows.Analyzers.Tests.Infrastructure;

/// <summary>An analyzer test of <see cref="FlowAnalyzer"/> that compiles against <see cref="LocalReferences"/>.</summary>
internal sealed class FlowsAnalyzerTest : CSharpAnalyzerTest<FlowAnalyzer, DefaultVerifier>
{
    public FlowsAnalyzerTest()
    {
        ReferenceAssemblies = LocalReferences.ReferenceAssemblies;
        TestState.AdditionalReferences.AddRange(LocalReferences.All);
    }
}
