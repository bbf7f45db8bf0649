using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Flows.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Flows.Analyzers.CodeFixes;

/// <summary>FLOW001: adds the 'partial' modifier to the type the diagnostic points at.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeFlowClassPartialCodeFix)), Shared]
public sealed class MakeFlowClassPartialCodeFix() : SingleDiagnosticCodeFix<TypeDeclarationSyntax>(DiagnosticDescriptors.FlowClassMustBePartial)
{
    // On a containing type, the diagnostic sits on the flow class and points at the containing type with its additional location.
    protected override TypeDeclarationSyntax? FindNode(SyntaxNode root, Diagnostic diagnostic) =>
        Around(root, (diagnostic.AdditionalLocations.FirstOrDefault(l => l.SourceTree == root.SyntaxTree) ?? diagnostic.Location).SourceSpan.Start);

    protected override IEnumerable<CodeAction> Fixes(FixSite<TypeDeclarationSyntax> site)
    {
        if (!site.Node.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            yield return Fix(
                $"Make '{site.Node.Identifier.ValueText}' partial",
                _ => Task.FromResult(site.With(ModifierEditing.AddLast(site.Node, SyntaxKind.PartialKeyword))));
        }
    }
}
