using System.Collections.Generic;
using System.Composition;
using System.Threading.Tasks;
using Flows.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Flows.Analyzers.CodeFixes;

/// <summary>FLOW002: adds the 'static' modifier to the task method the diagnostic points at.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeTaskMethodStaticCodeFix)), Shared]
public sealed class MakeTaskMethodStaticCodeFix() : SingleDiagnosticCodeFix<MethodDeclarationSyntax>(DiagnosticDescriptors.TaskMethodMustBeStatic)
{
    protected override IEnumerable<CodeAction> Fixes(FixSite<MethodDeclarationSyntax> site)
    {
        if (!site.Node.Modifiers.Any(SyntaxKind.StaticKeyword))
        {
            yield return Fix(
                $"Make '{site.Node.Identifier.ValueText}' static",
                _ => Task.FromResult(site.With(ModifierEditing.AddAfterAccessibility(site.Node, SyntaxKind.StaticKeyword))));
        }
    }
}
