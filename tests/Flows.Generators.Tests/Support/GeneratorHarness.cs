using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Flows.Generators.Tests.Support;

/// <summary>Compiles test sources and runs <see cref="FlowGenerator"/> over them.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public static CSharpCompilation Compile(OutputKind outputKind, params string[] sources) =>
        CSharpCompilation.Create(
            "FlowsGeneratorTest",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            ReferenceAssemblies.All,
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The project folder the generator is told about; job specs are resolved against it.</summary>
    public const string ProjectDirectory = "/project/";

    public static GeneratorDriver CreateDriver(bool entryPoint = false, bool trackSteps = false, ImmutableArray<AdditionalText> additionalTexts = default) =>
        CSharpGeneratorDriver.Create(
            [new FlowGenerator().AsSourceGenerator()],
            additionalTexts: additionalTexts.IsDefault ? ImmutableArray<AdditionalText>.Empty : additionalTexts,
            parseOptions: ParseOptions,
            optionsProvider: GlobalOptionsProvider.WithEntryPoint(entryPoint),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator once; returns its result and the compilation with the generated code added.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(Compilation compilation, bool entryPoint = false,
        ImmutableArray<AdditionalText> additionalTexts = default)
    {
        var driver = CreateDriver(entryPoint, additionalTexts: additionalTexts).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (driver.GetRunResult(), output, diagnostics);
    }

    /// <summary>Warnings and errors of a compilation, for assertion messages.</summary>
    public static ImmutableArray<Diagnostic> Problems(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
}
