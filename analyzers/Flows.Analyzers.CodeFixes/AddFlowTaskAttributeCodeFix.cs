using System.Collections.Generic;
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
public sealed class AddFlowTaskAttributeCodeFix() : SingleDiagnosticCodeFix<ExpressionSyntax>(DiagnosticDescriptors.UpstreamIsNotATask)
{
    /// <summary>The argument that names the method.</summary>
    protected override ExpressionSyntax? FindNode(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault();

    protected override IEnumerable<CodeAction> Fixes(FixSite<ExpressionSyntax> site)
    {
        if (!site.Diagnostic.Properties.TryGetValue(FlowParser.CanBecomeTaskProperty, out var canBecomeTask) || canBecomeTask != "true")
        {
            yield break;
        }
        var (model, cancellationToken) = (site.Model, site.CancellationToken);
        var task = site.Node.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault();
        if (task is null
            || model.GetConstantValue(site.Node, cancellationToken).Value is not string name
            || model.GetDeclaredSymbol(task, cancellationToken)?.ContainingType is not { } flowType)
        {
            yield break;
        }
        var known = new KnownTypes(model.Compilation);
        var helpers = FlowParser.NonTaskMethods(flowType, name, known);
        if (known.FlowTaskAttributeType is not { } attributeType || helpers.Count != 1
            || helpers[0].DeclaringSyntaxReferences.FirstOrDefault() is not { } reference)
        {
            yield break;
        }
        if (site.Document.Project.Solution.GetDocument(reference.SyntaxTree) is { } helperDocument)
        {
            yield return Fix(
                $"Add [FlowTask] to '{name}'",
                token => AddAttributeAsync(helperDocument, reference, attributeType, token));
        }
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
