using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace Flows.Analyzers.Tests.Infrastructure;

/// <summary>
/// Short forms of the analyzer and code fix tests. Sources mark expected diagnostics with
/// <c>{|FLOW010:...|}</c> markup, or with <c>{|#0:...|}</c> and a <see cref="DiagnosticResult"/> that also checks the message.
/// </summary>
internal static class Verify
{
    /// <summary>Every source starts with these usings, so tests can write attributes and tasks plainly.</summary>
    public const string Usings = "using Flows;\nusing System.Threading;\nusing System.Threading.Tasks;\n\n";

    /// <summary>An expected diagnostic, with the id and severity of <paramref name="descriptor"/>.</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        AnalyzerAsync(new[] { source }, expected);

    public static Task AnalyzerAsync(string[] sources, params DiagnosticResult[] expected)
    {
        var test = new FlowsAnalyzerTest();
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(Usings + source);
        }
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// Applies <typeparamref name="TCodeFix"/> to the diagnostics marked in <paramref name="source"/> (a whole file, usings included)
    /// and expects <paramref name="fixedSource"/>, which must have no diagnostics left. Pass the source twice to expect no fix.
    /// </summary>
    public static Task CodeFixAsync<TCodeFix>(string source, string fixedSource, string? equivalenceKey = null)
        where TCodeFix : CodeFixProvider, new() =>
        new FlowsCodeFixTest<TCodeFix>
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
        }.RunAsync();
}
