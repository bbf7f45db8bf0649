using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Flows.Analyzers.CodeFixes;

/// <summary>
/// A code fix of one diagnostic, made on the <typeparamref name="TNode"/> it points at. The fix says which node
/// (<see cref="FindNode"/>) and what it offers there (<see cref="Fixes"/>); each fix's equivalence key is its name
/// unless it offers several, and Fix All batches them unless the fix says otherwise.
/// </summary>
public abstract class SingleDiagnosticCodeFix<TNode> : CodeFixProvider
    where TNode : SyntaxNode
{
    private protected SingleDiagnosticCodeFix(DiagnosticDescriptor fixes) => FixableDiagnosticIds = ImmutableArray.Create(fixes.Id);

    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }
        foreach (var diagnostic in context.Diagnostics)
        {
            if (FindNode(root, diagnostic) is not { } node)
            {
                continue;
            }
            foreach (var fix in Fixes(new FixSite<TNode>(context.Document, root, model, node, diagnostic, context.CancellationToken)))
            {
                context.RegisterCodeFix(fix, diagnostic);
            }
        }
    }

    /// <summary>The node the fix works on, or null when there is nothing to fix: by default the innermost <typeparamref name="TNode"/> around the diagnostic's start.</summary>
    protected virtual TNode? FindNode(SyntaxNode root, Diagnostic diagnostic) => Around(root, diagnostic.Location.SourceSpan.Start);

    /// <summary>What the fix offers for the diagnostic at <see cref="FixSite{TNode}.Node"/>: none, one or several <see cref="Fix(string, Func{CancellationToken, Task{Document}}, string?)"/>.</summary>
    protected abstract IEnumerable<CodeAction> Fixes(FixSite<TNode> site);

    /// <param name="equivalenceKey">Null: the fix's name (one kind of change). A fix that offers several kinds names each.</param>
    protected CodeAction Fix(string title, Func<CancellationToken, Task<Document>> change, string? equivalenceKey = null) =>
        CodeAction.Create(title, change, equivalenceKey ?? GetType().Name);

    /// <inheritdoc cref="Fix(string, Func{CancellationToken, Task{Document}}, string?)"/>
    protected CodeAction Fix(string title, Func<CancellationToken, Task<Solution>> change, string? equivalenceKey = null) =>
        CodeAction.Create(title, change, equivalenceKey ?? GetType().Name);

    private protected static TNode? Around(SyntaxNode root, int position) =>
        root.FindToken(position).Parent?.AncestorsAndSelf().OfType<TNode>().FirstOrDefault();
}
