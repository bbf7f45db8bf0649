using System.Collections.Generic;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Flows.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace Flows.Analyzers.CodeFixes;

/// <summary>
/// FLOW005: turns <c>async void</c> into <c>async Task</c>, adding <c>using System.Threading.Tasks;</c>
/// when <c>Task</c> is not in scope yet (and keeping it qualified where the short name means something else).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReturnTaskInsteadOfAsyncVoidCodeFix)), Shared]
public sealed class ReturnTaskInsteadOfAsyncVoidCodeFix() : SingleDiagnosticCodeFix<MethodDeclarationSyntax>(DiagnosticDescriptors.TaskMethodIsAsyncVoid)
{
    protected override IEnumerable<CodeAction> Fixes(FixSite<MethodDeclarationSyntax> site)
    {
        var method = site.Node;
        if (method.ReturnType.IsKind(SyntaxKind.PredefinedType) && method.ReturnType.GetFirstToken().IsKind(SyntaxKind.VoidKeyword))
        {
            yield return Fix(
                $"Make '{method.Identifier.ValueText}' return Task",
                cancellationToken => ReturnTaskAsync(site.Document, site.Root, method, cancellationToken));
        }
    }

    private static async Task<Document> ReturnTaskAsync(Document document, SyntaxNode root, MethodDeclarationSyntax method, CancellationToken cancellationToken)
    {
        // Written in full and marked: ImportAdder adds the using, then the code action's cleanup shortens the name.
        var task = SyntaxFactory.ParseTypeName("global::System.Threading.Tasks.Task")
            .WithTriviaFrom(method.ReturnType)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var updated = document.WithSyntaxRoot(root.ReplaceNode(method.ReturnType, task));
        return await ImportAdder.AddImportsAsync(updated, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
