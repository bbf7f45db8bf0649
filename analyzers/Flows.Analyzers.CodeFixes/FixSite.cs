using System.Threading;
using Microsoft.CodeAnalysis;

namespace Flows.Analyzers.CodeFixes;

/// <summary>Where a <see cref="SingleDiagnosticCodeFix{TNode}"/> fixes a diagnostic: the document, its syntax and semantics, and the node.</summary>
public sealed record FixSite<TNode>(Document Document, SyntaxNode Root, SemanticModel Model, TNode Node, Diagnostic Diagnostic, CancellationToken CancellationToken)
    where TNode : SyntaxNode
{
    /// <summary>The document with <see cref="Node"/> replaced by <paramref name="replacement"/>.</summary>
    public Document With(SyntaxNode replacement) => Document.WithSyntaxRoot(Root.ReplaceNode(Node, replacement));
}
