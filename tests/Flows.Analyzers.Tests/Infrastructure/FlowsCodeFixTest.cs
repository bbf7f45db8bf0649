using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Flows.Analyzers.Tests.Infrastructure;

/// <summary>A code fix test of <typeparamref name="TCodeFix"/> on <see cref="FlowAnalyzer"/>'s diagnostics, compiled against <see cref="LocalReferences"/>.</summary>
internal sealed class FlowsCodeFixTest<TCodeFix> : CSharpCodeFixTest<FlowAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public FlowsCodeFixTest()
    {
        ReferenceAssemblies = LocalReferences.ReferenceAssemblies;
        TestState.AdditionalReferences.AddRange(LocalReferences.All);
        FixedState.AdditionalReferences.AddRange(LocalReferences.All);
    }
}
