using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Flows.Generators.Core;
using Flows.Generators.Diagnostics;
using Flows.Generators.PodTasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Flows.Analyzers.CodeFixes;

/// <summary>
/// FLOW079: rewrites a POSIX shell script (sh, bash, ash, dash, zsh, ksh...) that pastes inputs into its text to read
/// them as positional parameters, and passes each input as its own argument after the script (see
/// <see cref="PositionalScript"/>): <c>"sh", "-c", "echo {message}"</c> becomes <c>"sh", "-c", "echo \"$1\"", "sh", "{message}"</c>.
/// No fix for pwsh, cmd, csh or fish, whose scripts read arguments differently or not at all.
/// Fix All is the batch fixer: a POSIX shell has one script element, so an attribute has one fix at the most.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PassInputsAsShellArgumentsCodeFix)), Shared]
public sealed class PassInputsAsShellArgumentsCodeFix() : SingleDiagnosticCodeFix<ExpressionSyntax>(DiagnosticDescriptors.PlaceholderInShellScript)
{
    /// <summary>The script element.</summary>
    protected override ExpressionSyntax? FindNode(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax;

    protected override IEnumerable<CodeAction> Fixes(FixSite<ExpressionSyntax> site)
    {
        if (Plan(site.Model, site.Node, site.CancellationToken) is { } plan)
        {
            var inputs = plan.Appended.Skip(plan.ShellName is null ? 0 : 1).ToList();
            yield return Fix(
                $"Pass {string.Join(" and ", inputs.Select(p => $"'{p}'"))} as {(inputs.Count == 1 ? "an argument" : "arguments")} after the script",
                _ => Task.FromResult(site.Document.WithSyntaxRoot(Apply(site.Root, plan))));
        }
    }

    /// <param name="ShellName">The <c>$0</c> argument added when none follows the script yet, else null.</param>
    /// <param name="Appended">The new elements at the end of <paramref name="Target"/>: the <c>$0</c> name if any, then one placeholder per input.</param>
    private sealed record Edit(ExpressionSyntax Script, string NewScript, IReadOnlyList<ExpressionSyntax> Target, string? ShellName, IReadOnlyList<string> Appended);

    private static Edit? Plan(SemanticModel model, ExpressionSyntax script, CancellationToken cancellationToken)
    {
        var attributeSyntax = script.FirstAncestorOrSelf<AttributeSyntax>();
        var methodSyntax = attributeSyntax?.FirstAncestorOrSelf<MethodDeclarationSyntax>();
        if (attributeSyntax is null || methodSyntax is null
            || model.GetDeclaredSymbol(methodSyntax, cancellationToken) is not { } method
            || method.GetAttributes().FirstOrDefault(a => a.ApplicationSyntaxReference?.Span == attributeSyntax.Span) is not { } attribute)
        {
            return null;
        }
        var argv = ContainerArgv.Of(attribute);
        var command = AttributeElementLocations.Elements(attribute, "Command", cancellationToken) ?? new List<ExpressionSyntax>();
        var args = AttributeElementLocations.Elements(attribute, "Args", cancellationToken);
        // Only when the syntax is the argv element for element (no array built some other way).
        if (command.Count != argv.CommandCount || (args?.Count ?? 0) != argv.Values.Count - argv.CommandCount)
        {
            return null;
        }
        var elements = command.Concat(args ?? new List<ExpressionSyntax>()).ToList();
        var index = elements.IndexOf(script);
        if (ShellInvocation.Find(argv.Values) is not { Family: ShellFamily.Posix } shell || index < 0 || !shell.IsScript(index))
        {
            return null;
        }
        var inputs = new HashSet<string>(method.Parameters.Select(p => p.Name), System.StringComparer.Ordinal);
        var after = argv.Values.Count - shell.ScriptEnd;
        if (PositionalScript.Rewrite(argv.Values[index], inputs, after) is not { } rewrite)
        {
            return null;
        }
        var target = argv.HasArgs ? args : command;
        if (target is not { Count: > 0 })
        {
            // Args = new string[0] or { }: no element to append after, and rare enough to write by hand.
            return null;
        }
        var shellName = after == 0 ? shell.Shell : null;
        var appended = (shellName is null ? Enumerable.Empty<string>() : new[] { shellName })
            .Concat(rewrite.Placeholders.Select(p => "{" + p + "}")).ToList();
        return new Edit(script, rewrite.Script, target, shellName, appended);
    }

    private static SyntaxNode Apply(SyntaxNode root, Edit edit)
    {
        var target = edit.Target[edit.Target.Count - 1].Ancestors().First(n => n is InitializerExpressionSyntax or CollectionExpressionSyntax);
        var tracked = root.TrackNodes(edit.Script, target);
        var withScript = tracked.ReplaceNode(tracked.GetCurrentNode(edit.Script)!, Literal(edit.NewScript).WithTriviaFrom(edit.Script));
        var list = withScript.GetCurrentNode(target)!;
        return withScript.ReplaceNode(list, Append(list, edit.Appended));
    }

    /// <summary>The initializer or collection expression with <paramref name="values"/> after its last element, which keeps its trailing trivia for the new last.</summary>
    private static SyntaxNode Append(SyntaxNode list, IReadOnlyList<string> values)
    {
        switch (list)
        {
            case InitializerExpressionSyntax initializer:
            {
                var last = initializer.Expressions.Last();
                var added = values.Select((v, i) => (ExpressionSyntax)(i == values.Count - 1 ? Literal(v).WithTrailingTrivia(last.GetTrailingTrivia()) : Literal(v)));
                var expressions = initializer.Expressions.Replace(last, last.WithoutTrailingTrivia()).AddRange(added);
                return initializer.WithExpressions(WithSpacedCommas(expressions));
            }
            case CollectionExpressionSyntax collection:
            {
                var last = collection.Elements.Last();
                var added = values.Select((v, i) => (CollectionElementSyntax)SyntaxFactory.ExpressionElement(
                    i == values.Count - 1 ? Literal(v).WithTrailingTrivia(last.GetTrailingTrivia()) : Literal(v)));
                var elements = collection.Elements.Replace(last, last.WithoutTrailingTrivia()).AddRange(added);
                return collection.WithElements(WithSpacedCommas(elements));
            }
            default:
                return list;
        }
    }

    /// <summary>The list with a ", " between every two elements (the added ones have no separator trivia of their own).</summary>
    private static SeparatedSyntaxList<T> WithSpacedCommas<T>(SeparatedSyntaxList<T> list)
        where T : SyntaxNode
    {
        var separators = list.GetSeparators().ToList();
        var comma = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
        return SyntaxFactory.SeparatedList(list, Enumerable.Range(0, list.Count - 1).Select(i => i < separators.Count ? separators[i] : comma));
    }

    private static LiteralExpressionSyntax Literal(string value) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));
}
