using System.Linq;
using Flows.Generators.Emit;
using Flows.Generators.Model;
using Flows.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Flows.Generators;

/// <summary>
/// Emits, for every <c>[Flow]</c> class, its graph, typed executor and <c>RunAsync</c>; for the
/// assembly, a registration of its flows and (with <c>FlowsGenerateEntryPoint</c>) a console entrypoint.
/// Diagnostics are the analyzer's job: a flow with errors is left out here.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class FlowGenerator : IIncrementalGenerator
{
    public static class StepNames
    {
        public const string FlowSpecs = nameof(FlowSpecs);
        public const string ValidFlowSpecs = nameof(ValidFlowSpecs);
        public const string FlowReferences = nameof(FlowReferences);
        public const string EntryPointEnabled = nameof(EntryPointEnabled);
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var flowSpecs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.FlowAttribute,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax,
                transform: static (syntaxContext, cancellationToken) =>
                {
                    var compilation = syntaxContext.SemanticModel.Compilation;
                    return FlowParser.Parse((INamedTypeSymbol)syntaxContext.TargetSymbol, syntaxContext.Attributes[0], compilation,
                        new KnownTypes(compilation), report: null, cancellationToken);
                })
            .WithTrackingName(StepNames.FlowSpecs);

        var validFlowSpecs = flowSpecs
            .Where(static flow => !flow.HasErrors)
            .WithTrackingName(StepNames.ValidFlowSpecs);

        context.RegisterSourceOutput(validFlowSpecs, static (output, flow) =>
            output.AddSource(HintName(flow), FlowEmitter.Emit(flow)));

        var flowReferences = flowSpecs
            .Select(static (flow, _) => new FlowReference(flow.FullyQualifiedTypeName, flow.HasErrors))
            .Collect()
            .Select(static (flows, _) => flows.ToEquatableArray())
            .WithTrackingName(StepNames.FlowReferences);

        var entryPointEnabled = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) =>
                options.GlobalOptions.TryGetValue("build_property.FlowsGenerateEntryPoint", out var value)
                && string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase))
            .WithTrackingName(StepNames.EntryPointEnabled);

        context.RegisterSourceOutput(flowReferences.Combine(entryPointEnabled), static (output, input) =>
        {
            var (flows, entryPoint) = input;
            if (flows.Count == 0 && !entryPoint)
            {
                return;
            }
            output.AddSource("Flows.Registration.g.cs", CatalogEmitter.EmitRegistration(flows.ToList()));
            if (entryPoint)
            {
                output.AddSource("Flows.EntryPoint.g.cs", CatalogEmitter.EmitEntryPoint());
            }
        });
    }

    private static string HintName(FlowSpec flow) =>
        flow.FullyQualifiedTypeName.Replace("global::", "").Replace('<', '_').Replace('>', '_') + ".Flow.g.cs";
}
