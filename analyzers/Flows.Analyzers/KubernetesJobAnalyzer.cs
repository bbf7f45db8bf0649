using System;
using System.Collections.Immutable;
using System.Linq;
using Flows.Generators.Core;
using Flows.Generators.Diagnostics;
using Flows.Generators.Flows;
using Flows.Generators.Jobs;
using Flows.Generators.Kubernetes;
using Flows.Generators.Storage;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Flows.Analyzers;

/// <summary>
/// Checks a flow's Kubernetes job environment as the IDE types: the job-spec YAML (reported at its
/// line and column), the image reference from [DockerStorage], and that the two fit together.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KubernetesJobAnalyzer : FlowClassAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.JobSpecFileNotFound,
        DiagnosticDescriptors.JobSpecYamlSyntaxError,
        DiagnosticDescriptors.YamlOverLimit,
        DiagnosticDescriptors.YamlWithoutJson,
        DiagnosticDescriptors.JobSpecNotAJob,
        DiagnosticDescriptors.JobSpecNoContainers,
        DiagnosticDescriptors.ContainerWithoutName,
        DiagnosticDescriptors.InvalidRestartPolicy,
        DiagnosticDescriptors.DuplicateContainerName,
        DiagnosticDescriptors.KubernetesJobWithoutStorage,
        DiagnosticDescriptors.InvalidLabel,
        DiagnosticDescriptors.InvalidKubernetesName,
        DiagnosticDescriptors.PrimaryContainerFieldsOverwritten,
        DiagnosticDescriptors.EnvironmentNameCollision,
        DiagnosticDescriptors.InvalidResourceQuantity,
        DiagnosticDescriptors.InsecurePodSetting,
        DiagnosticDescriptors.DockerHostWithoutDaemon,
        DiagnosticDescriptors.SidecarNeverExits,
        DiagnosticDescriptors.InvalidImageReference,
        DiagnosticDescriptors.MissingImageTag,
        DiagnosticDescriptors.PrimaryContainerNotFound,
        DiagnosticDescriptors.SpecRejectedByApiServer,
        DiagnosticDescriptors.SpecFieldIgnored,
        DiagnosticDescriptors.RestrictedProfileViolation,
        DiagnosticDescriptors.SecretLookingLiteralEnvironment,
        DiagnosticDescriptors.ExplicitLatestImageTag);

    protected override Action<SymbolAnalysisContext, INamedTypeSymbol, AttributeData>? StartCompilation(Compilation compilation, AnalyzerOptions options)
    {
        if (compilation.GetTypeByMetadataName(KnownTypes.KubernetesJobAttribute) is null)
        {
            return null;
        }
        var projectDirectory = BuildProperties.ProjectDirectory(options.AnalyzerConfigOptionsProvider.GlobalOptions);
        return (symbolContext, type, flowAttribute) =>
        {
            var storage = DockerStorageReader.Read(type, symbolContext.Compilation, out var storageAttribute);
            var kubernetes = KubernetesAttributeReader.Read(type, storage, symbolContext.Compilation, out var jobAttribute);
            if (kubernetes is null)
            {
                return;
            }
            var file = kubernetes.JobSpecFile is null
                ? null
                : JobSpecFiles.Find(symbolContext.Options.AdditionalFiles, f => f.Path, projectDirectory, kubernetes.JobSpecFile);
            var text = file?.GetText(symbolContext.CancellationToken);
            var cancellation = symbolContext.CancellationToken;
            var jobLocation = jobAttribute is null ? null : AttributeLocations.Of(jobAttribute, cancellation);
            var storageLocation = storageAttribute is null ? jobLocation : AttributeLocations.Of(storageAttribute, cancellation);

            JobSpecChecker.Check(kubernetes, FlowParser.ReadFlowName(flowAttribute) ?? type.Name, type.Name, text?.ToString(), problem =>
            {
                var location = problem.Target switch
                {
                    ProblemTarget.KubernetesJobAttribute => jobLocation,
                    ProblemTarget.DockerStorageAttribute => storageLocation,
                    _ => YamlProblemLocation.Of(file!.Path, text!, problem),
                };
                symbolContext.ReportDiagnostic(Diagnostic.Create(problem.Descriptor, location, problem.Arguments));
            }, cancellation);
        };
    }
}
