using System.Threading;
using Microsoft.CodeAnalysis;

namespace Flows.Analyzers.CodeFixes;

/// <summary>Where a <see cref="SingleDiagnosticCodeFix{TNode}"/> fixes a diagnostic: the document, its syntax and semantics, and the node.</summary>
public sealed class FixSite<TNode>
    where TNode : SyntaxNode
{
    internal FixSite(Document document, SyntaxNode root, SemanticModel model, TNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        Document = document;
        Root = root;
        Model = model;
        Node = node;
        Diagnostic = diagnostic;
        CancellationToken = cancellationToken;
    }

    public Document Document { get; }

    public SyntaxNode Root { get; }

    public SemanticModel Model { get; }

    public TNode Node { get; }

    public Diagnostic Diagnostic { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The document with <see cref="Node"/> replaced by <paramref name="replacement"/>.</summary>
    public Document With(SyntaxNode replacement) => Document.WithSyntaxRoot(Root.ReplaceNode(Node, replacement));
}
