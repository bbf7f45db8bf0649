using System;
using System.Linq;
using Flows.Generators.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flows.Analyzers;

/// <summary>
/// The start the analyzers of a flow's attributes share: generated code is not analysed, actions run concurrently,
/// and in a compilation that references Flows each [Flow] class is handed to the analyzer with its [Flow] attribute.
/// (FlowAnalyzer, which also watches methods and the whole compilation, starts on its own.)
/// </summary>
public abstract class FlowClassAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var flowAttributeType = start.Compilation.GetTypeByMetadataName(KnownTypes.FlowAttribute);
            if (flowAttributeType is null || StartCompilation(start.Compilation, start.Options) is not { } analyzeFlow)
            {
                return;
            }
            start.RegisterSymbolAction(symbolContext =>
            {
                var type = (INamedTypeSymbol)symbolContext.Symbol;
                if (type.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, flowAttributeType)) is { } flowAttribute)
                {
                    analyzeFlow(symbolContext, type, flowAttribute);
                }
            }, SymbolKind.NamedType);
        });
    }

    /// <summary>
    /// Once per compilation that references Flows: what to do with each flow class and its [Flow] attribute, or
    /// null when the compilation has nothing for this analyzer (e.g. it does not reference the attribute it checks).
    /// </summary>
    protected abstract Action<SymbolAnalysisContext, INamedTypeSymbol, AttributeData>? StartCompilation(Compilation compilation, AnalyzerOptions options);
}
