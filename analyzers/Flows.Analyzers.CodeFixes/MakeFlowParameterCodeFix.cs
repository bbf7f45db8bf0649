using System.Collections.Generic;
using System.Composition;
using System.Threading.Tasks;
using Flows.Generators.Diagnostics;
using Flows.Generators.Flows;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flows.Analyzers.CodeFixes;

/// <summary>FLOW016: makes an unbound task parameter a flow parameter, when its type can be one.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeFlowParameterCodeFix)), Shared]
public sealed class MakeFlowParameterCodeFix() : SingleDiagnosticCodeFix<ParameterSyntax>(DiagnosticDescriptors.UnboundTaskParameter)
{
    protected override IEnumerable<CodeAction> Fixes(FixSite<ParameterSyntax> site)
    {
        var parameter = UnboundParameter.Find(site);
        if (parameter?.Known.FlowParameterAttributeType is { } attributeType && FlowParser.IsSupportedFlowParameterType(parameter.Symbol.Type, parameter.Known))
        {
            yield return Fix(
                $"Make '{parameter.Symbol.Name}' a flow parameter",
                _ => Task.FromResult(parameter.WithAttribute(site.Document, attributeType)));
        }
    }
}
