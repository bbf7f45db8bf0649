using System;
using System.Collections.Immutable;
using System.Linq;
using Flows.Generators.Core;
using Flows.Generators.Diagnostics;
using Flows.Generators.Flows;
using Flows.Generators.Jobs;
using Flows.Generators.Storage;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flows.Analyzers;

/// <summary>
/// Checks [DockerStorage]: its EnvironmentVariables and Files entries, and — for a flow without
/// [KubernetesJob], whose analyzer checks it already — the image reference.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DockerStorageAnalyzer : FlowClassAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InvalidDockerStorageEntry,
        DiagnosticDescriptors.InvalidImageReference,
        DiagnosticDescriptors.MissingImageTag);

    protected override Action<SymbolAnalysisContext, INamedTypeSymbol, AttributeData>? StartCompilation(Compilation compilation, AnalyzerOptions options)
    {
        if (compilation.GetTypeByMetadataName(KnownTypes.DockerStorageAttribute) is null)
        {
            return null;
        }
        return (symbolContext, type, flowAttribute) =>
        {
            if (DockerStorageReader.Read(type, symbolContext.Compilation, out var storageAttribute) is not { } storage)
            {
                return;
            }
            var flowName = FlowParser.ReadFlowName(flowAttribute) ?? type.Name;
            var location = AttributeLocations.Of(storageAttribute!, symbolContext.CancellationToken);
            var problems = storage.EnvironmentVariables.Select(DockerStorageEntryRules.EnvironmentVariableProblem)
                .Concat(storage.Files.Select(DockerStorageEntryRules.FileProblem))
                .Where(problem => problem is not null);
            foreach (var problem in problems)
            {
                symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidDockerStorageEntry, location, flowName, problem));
            }
            // A flow with [KubernetesJob] has its image checked by KubernetesJobAnalyzer.
            var hasJob = KubernetesAttributeReader.Read(type, storage, symbolContext.Compilation) is not null;
            if (hasJob)
            {
                return;
            }
            if (ImageReference.Problem(storage.Image, out var missingTag) is { } imageProblem)
            {
                symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidImageReference, location, flowName, storage.Image, imageProblem));
            }
            else if (missingTag)
            {
                symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingImageTag, location, flowName, storage.Image));
            }
        };
    }
}
