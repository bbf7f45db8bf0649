using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Flows.Analyzers.Tests.Infrastructure;

/// <summary>An analyzer test of <typeparamref name="TAnalyzer"/> on the <see cref="TestProject"/>.</summary>
internal sealed class FlowsAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public FlowsAnalyzerTest() => TestProject.SetUp(this);
}
