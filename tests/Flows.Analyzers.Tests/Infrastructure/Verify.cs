using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
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

    public static Task AnalyzerAsync(string[] sources, params DiagnosticResult[] expected) =>
        AnalyzerAsync<FlowAnalyzer>(sources, [], expected);

    /// <summary>Runs <typeparamref name="TAnalyzer"/> on the <see cref="TestProject"/> and expects <paramref name="expected"/>.</summary>
    /// <param name="sources">C# without usings (<see cref="Usings"/> is prepended).</param>
    /// <param name="projectFiles">AdditionalFiles: each path relative to the project folder, and the file's text.</param>
    public static Task AnalyzerAsync<TAnalyzer>(
        IEnumerable<string> sources,
        IEnumerable<(string Path, string Text)> projectFiles,
        DiagnosticResult[] expected,
        CompilerDiagnostics compilerDiagnostics = CompilerDiagnostics.Errors)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new FlowsAnalyzerTest<TAnalyzer> { CompilerDiagnostics = compilerDiagnostics };
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(Usings + source);
        }
        foreach (var (path, text) in projectFiles)
        {
            test.TestState.AdditionalFiles.Add((TestProject.PathOf(path), text));
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
