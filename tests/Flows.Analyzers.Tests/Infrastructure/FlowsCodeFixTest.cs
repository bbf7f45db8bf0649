using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Flows.Analyzers.Tests.Infrastructure;

/// <summary>A code fix test of <typeparamref name="TCodeFix"/> on <see cref="FlowAnalyzer"/>'s diagnostics, on the <see cref="TestProject"/>.</summary>
internal sealed class FlowsCodeFixTest<TCodeFix> : CSharpCodeFixTest<FlowAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public FlowsCodeFixTest()
    {
        TestProject.SetUp(this);
        FixedState.AdditionalReferences.AddRange(LocalReferences.All);
    }
}
