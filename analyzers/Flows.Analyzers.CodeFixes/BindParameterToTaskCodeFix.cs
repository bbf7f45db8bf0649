using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Flows.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Flows.Analyzers.CodeFixes;

/// <summary>FLOW016: binds an unbound task parameter to the upstream task that evidently provides it (see <see cref="UpstreamCandidates"/>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BindParameterToTaskCodeFix)), Shared]
public sealed class BindParameterToTaskCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnboundTaskParameter.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <summary>The equivalence key of the fix that binds to <paramref name="taskName"/>.</summary>
    public static string EquivalenceKey(string taskName) => nameof(BindParameterToTaskCodeFix) + ":" + taskName;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var parameter = await UnboundParameter.FindAsync(context).ConfigureAwait(false);
        if (parameter?.Known.FromTaskAttributeType is not { } attributeType)
        {
            return;
        }
        foreach (var taskName in UpstreamCandidates.For(parameter, context.CancellationToken))
        {
            // [FromTask(nameof(Task))]
            var nameOf = SyntaxFactory.InvocationExpression(
                SyntaxFactory.IdentifierName("nameof"),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(taskName)))));
            var arguments = SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(nameOf)));
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Bind '{parameter.Symbol.Name}' to the result of task '{taskName}'",
                    _ => Task.FromResult(parameter.WithAttribute(context.Document, attributeType, arguments)),
                    equivalenceKey: EquivalenceKey(taskName)),
                context.Diagnostics);
        }
    }
}
