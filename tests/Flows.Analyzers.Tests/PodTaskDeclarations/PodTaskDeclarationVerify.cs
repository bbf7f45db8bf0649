using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace Flows.Analyzers.Tests.PodTaskDeclarations;

/// <summary>
/// Analyzer tests of pod task declarations. A container task is a body-less partial method that the generator
/// implements; these tests run the analyzer alone, so the compiler's "no implementation" error (CS8795) is not checked.
/// </summary>
internal static class PodTaskDeclarationVerify
{
    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync<FlowAnalyzer>([source], [], expected, CompilerDiagnostics.None);
}
