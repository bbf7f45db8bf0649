using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Flows.Generators.Diagnostics;
using Flows.Generators.Flows;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Flows.Analyzers.CodeFixes;

/// <summary>FLOW016: makes an unbound task parameter a flow parameter, when its type can be one.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeFlowParameterCodeFix)), Shared]
public sealed class MakeFlowParameterCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnboundTaskParameter.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var parameter = await UnboundParameter.FindAsync(context).ConfigureAwait(false);
        if (parameter?.Known.FlowParameterAttributeType is not { } attributeType || !FlowParser.IsSupportedFlowParameterType(parameter.Symbol.Type, parameter.Known))
        {
            return;
        }
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Make '{parameter.Symbol.Name}' a flow parameter",
                _ => Task.FromResult(parameter.WithAttribute(context.Document, attributeType)),
                equivalenceKey: nameof(MakeFlowParameterCodeFix)),
            context.Diagnostics);
    }
}
