using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Flows.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flows.Analyzers.CodeFixes;

/// <summary>FLOW001: adds the 'partial' modifier to the type the diagnostic points at.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeFlowClassPartialCodeFix)), Shared]
public sealed class MakeFlowClassPartialCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.FlowClassMustBePartial.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var declaration = root?.FindToken(context.Span.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        if (root is null || declaration is null)
        {
            return;
        }
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Make '{declaration.Identifier.ValueText}' partial",
                _ =>
                {
                    var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
                    var updated = declaration.WithModifiers(declaration.Modifiers.Add(partial));
                    return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(declaration, updated)));
                },
                equivalenceKey: nameof(MakeFlowClassPartialCodeFix)),
            context.Diagnostics);
    }
}
