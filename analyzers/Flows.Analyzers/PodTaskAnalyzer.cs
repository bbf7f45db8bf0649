using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Flows.Generators.Core;
using Flows.Generators.Diagnostics;
using Flows.Generators.Flows;
using Flows.Generators.Kubernetes;
using Flows.Generators.PodTasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Flows.Analyzers;

/// <summary>
/// Checks the pod of every [PodTask] and [ContainerTask] of a flow as the IDE types: the pod spec YAML
/// (reported at its line and column) and the values on the attribute (reported at the argument).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PodTaskAnalyzer : FlowClassAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.PodSpecFileNotFound,
        DiagnosticDescriptors.PodSpecYamlSyntaxError,
        DiagnosticDescriptors.YamlOverLimit,
        DiagnosticDescriptors.YamlWithoutJson,
        DiagnosticDescriptors.PodSpecNotAPod,
        DiagnosticDescriptors.InvalidPrimaryContainerName,
        DiagnosticDescriptors.PodPrimaryContainerFieldsOverwritten,
        DiagnosticDescriptors.UndeclaredVolume,
        DiagnosticDescriptors.PodContainerWithoutName,
        DiagnosticDescriptors.PodDuplicateContainerName,
        DiagnosticDescriptors.PodInvalidContainerName,
        DiagnosticDescriptors.ContainerWithoutImage,
        DiagnosticDescriptors.InvalidContainerTaskImage,
        DiagnosticDescriptors.ContainerTaskImageWithoutTag,
        DiagnosticDescriptors.PodInvalidResourceQuantity,
        DiagnosticDescriptors.InvalidTaskEnvironmentEntry,
        DiagnosticDescriptors.TaskEnvironmentNameCollision,
        DiagnosticDescriptors.PodInsecureSetting,
        DiagnosticDescriptors.PodRestartPolicy,
        DiagnosticDescriptors.SpecRejectedByApiServer,
        DiagnosticDescriptors.SpecFieldIgnored,
        DiagnosticDescriptors.RestrictedProfileViolation,
        DiagnosticDescriptors.SecretLookingLiteralEnvironment,
        DiagnosticDescriptors.ExplicitLatestImageTag);

    protected override Action<SymbolAnalysisContext, INamedTypeSymbol, AttributeData>? StartCompilation(Compilation compilation, AnalyzerOptions options)
    {
        if (compilation.GetTypeByMetadataName(PodTaskAttributeReader.PodTaskAttribute) is null
            && compilation.GetTypeByMetadataName(PodTaskAttributeReader.ContainerTaskAttribute) is null)
        {
            return null;
        }
        var projectDirectory = BuildProperties.ProjectDirectory(options.AnalyzerConfigOptionsProvider.GlobalOptions);
        return (symbolContext, type, flowAttribute) =>
        {
            var flowName = FlowParser.ReadFlowName(flowAttribute) ?? type.Name;
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                var (podTask, containerTask) = PodTaskAttributeReader.Find(method);
                var attribute = podTask ?? containerTask;
                if (attribute is null)
                {
                    continue;
                }
                var spec = PodTaskAttributeReader.Read(method, attribute, flowName, symbolContext.Compilation);
                if (spec is not null)
                {
                    Check(symbolContext, attribute, spec, projectDirectory);
                }
            }
        };
    }

    private static void Check(SymbolAnalysisContext context, AttributeData attribute, PodTaskAttributeModel spec, string? projectDirectory)
    {
        var cancellation = context.CancellationToken;
        var file = spec.PodSpecFile is null ? null : JobSpecFiles.Find(context.Options.AdditionalFiles, f => f.Path, projectDirectory, spec.PodSpecFile);
        var text = file?.GetText(cancellation);
        PodSpecChecker.Check(spec, text?.ToString(), problem =>
        {
            var location = problem.Target == ProblemTarget.Yaml && file is not null && text is not null
                ? YamlProblemLocation.Of(file.Path, text, problem)
                : ArgumentLocation(attribute, problem.ArgumentName, problem.ElementIndex, cancellation);
            context.ReportDiagnostic(Diagnostic.Create(problem.Descriptor, location, problem.Arguments));
        }, cancellation);
    }

    /// <summary>The constructor argument or named argument <paramref name="name"/> (one element of it when <paramref name="element"/> is set), else the attribute.</summary>
    private static Location? ArgumentLocation(AttributeData attribute, string? name, int? element, CancellationToken cancellation)
    {
        if (name is null)
        {
            return AttributeLocations.Of(attribute, cancellation);
        }
        var parameters = attribute.AttributeConstructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (string.Equals(parameters[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return AttributeLocations.OfConstructorArgument(attribute, i, attribute.ConstructorArguments.Length, cancellation);
            }
        }
        if (element is { } index && attribute.ApplicationSyntaxReference?.GetSyntax(cancellation) is AttributeSyntax syntax)
        {
            var argument = syntax.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
            var elements = argument?.Expression switch
            {
                ArrayCreationExpressionSyntax array => array.Initializer?.Expressions.Cast<SyntaxNode>().ToList(),
                ImplicitArrayCreationExpressionSyntax array => array.Initializer.Expressions.Cast<SyntaxNode>().ToList(),
                CollectionExpressionSyntax collection => collection.Elements.Cast<SyntaxNode>().ToList(),
                _ => null,
            };
            if (elements is not null && index < elements.Count)
            {
                return elements[index].GetLocation();
            }
        }
        return AttributeLocations.OfNamedArgument(attribute, name, cancellation);
    }
}
