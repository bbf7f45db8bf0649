using System.Collections.Immutable;
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

/// <summary>FLOW002: adds the 'static' modifier to the task method the diagnostic points at.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeTaskMethodStaticCodeFix)), Shared]
public sealed class MakeTaskMethodStaticCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.TaskMethodMustBeStatic.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var method = root?.FindToken(context.Span.Start).Parent?.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault();
        if (root is null || method is null || method.Modifiers.Any(SyntaxKind.StaticKeyword))
        {
            return;
        }
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Make '{method.Identifier.ValueText}' static",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(
                    root.ReplaceNode(method, ModifierEditing.AddAfterAccessibility(method, SyntaxKind.StaticKeyword)))),
                equivalenceKey: nameof(MakeTaskMethodStaticCodeFix)),
            context.Diagnostics);
    }
}
