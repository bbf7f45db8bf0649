using System.Collections.Generic;
using System.Composition;
using System.Threading.Tasks;
using Flows.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flows.Analyzers.CodeFixes;

/// <summary>FLOW016: binds an unbound task parameter to the upstream task that evidently provides it (see <see cref="UpstreamCandidates"/>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BindParameterToTaskCodeFix)), Shared]
public sealed class BindParameterToTaskCodeFix() : SingleDiagnosticCodeFix<ParameterSyntax>(DiagnosticDescriptors.UnboundTaskParameter)
{
    /// <summary>The equivalence key of the fix that binds to <paramref name="taskName"/>.</summary>
    public static string EquivalenceKey(string taskName) => nameof(BindParameterToTaskCodeFix) + ":" + taskName;

    protected override IEnumerable<CodeAction> Fixes(FixSite<ParameterSyntax> site)
    {
        var parameter = UnboundParameter.Find(site);
        if (parameter?.Known.FromTaskAttributeType is not { } attributeType)
        {
            yield break;
        }
        foreach (var taskName in UpstreamCandidates.For(parameter, site.CancellationToken))
        {
            // [FromTask(nameof(Task))]
            var nameOf = SyntaxFactory.InvocationExpression(
                SyntaxFactory.IdentifierName("nameof"),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(taskName)))));
            var arguments = SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(nameOf)));
            yield return Fix(
                $"Bind '{parameter.Symbol.Name}' to the result of task '{taskName}'",
                _ => Task.FromResult(parameter.WithAttribute(site.Document, attributeType, arguments)),
                EquivalenceKey(taskName));
        }
    }
}
