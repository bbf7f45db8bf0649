using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Flows.Generators.Core;
using Flows.Generators.Diagnostics;
using Flows.Generators.Flows;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Flows.Analyzers.CodeFixes;

/// <summary>
/// FLOW025: adds [FlowTask] to the method of the flow class that a [FromTask] or [DependsOn] argument names, when the
/// diagnostic says that this makes it a valid task (<see cref="FlowParser.CanBecomeTaskProperty"/>). The method may be in
/// another file (another part of the partial flow class).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddFlowTaskAttributeCodeFix)), Shared]
public sealed class AddFlowTaskAttributeCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.UpstreamIsNotATask.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics.First();
        if (!diagnostic.Properties.TryGetValue(FlowParser.CanBecomeTaskProperty, out var canBecomeTask) || canBecomeTask != "true")
        {
            return;
        }
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || root.FindNode(context.Span, getInnermostNodeForTie: true) is not { } argument)
        {
            return;
        }
        var expression = argument.AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault();
        var task = argument.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault();
        if (expression is null || task is null
            || model.GetConstantValue(expression, context.CancellationToken).Value is not string name
            || model.GetDeclaredSymbol(task, context.CancellationToken)?.ContainingType is not { } flowType)
        {
            return;
        }
        var known = new KnownTypes(model.Compilation);
        var helpers = FlowParser.NonTaskMethods(flowType, name, known);
        if (known.FlowTaskAttributeType is not { } attributeType || helpers.Count != 1
            || helpers[0].DeclaringSyntaxReferences.FirstOrDefault() is not { } reference)
        {
            return;
        }
        var solution = context.Document.Project.Solution;
        if (solution.GetDocument(reference.SyntaxTree) is not { } helperDocument)
        {
            return;
        }
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Add [FlowTask] to '{name}'",
                cancellationToken => AddAttributeAsync(helperDocument, reference, attributeType, cancellationToken),
                equivalenceKey: nameof(AddFlowTaskAttributeCodeFix)),
            diagnostic);
    }

    private static async Task<Solution> AddAttributeAsync(Document document, SyntaxReference reference, INamedTypeSymbol attributeType, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || root.FindNode(reference.Span) is not MethodDeclarationSyntax method)
        {
            return document.Project.Solution;
        }
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(AttributeNames.For(model, method.SpanStart, attributeType))));
        // The attribute goes on a line of its own above the method's existing attributes, with the method's indentation.
        var leading = method.GetLeadingTrivia();
        var indentation = leading.Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse();
        var updated = method.WithoutLeadingTrivia()
            .WithAttributeLists(method.AttributeLists.Count == 0
                ? SyntaxFactory.SingletonList(list)
                : method.AttributeLists.Replace(method.AttributeLists[0], method.AttributeLists[0].WithoutLeadingTrivia()).Insert(0, list))
            .WithLeadingTrivia(leading);
        updated = updated.ReplaceToken(updated.AttributeLists[0].CloseBracketToken,
            updated.AttributeLists[0].CloseBracketToken.WithTrailingTrivia(SyntaxFactory.TriviaList(EndOfLine(root)).AddRange(indentation)));
        return document.WithSyntaxRoot(root.ReplaceNode(method, updated)).Project.Solution;
    }

    /// <summary>The file's own line break.</summary>
    private static SyntaxTrivia EndOfLine(SyntaxNode root) =>
        root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } existing
            ? existing
            : SyntaxFactory.EndOfLine("\n");
}
