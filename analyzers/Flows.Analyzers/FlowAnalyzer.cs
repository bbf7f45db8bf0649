using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Flows.Generators.Core;
using Flows.Generators.Diagnostics;
using Flows.Generators.Flows;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flows.Analyzers;

/// <summary>
/// Reports every problem of a flow class as the IDE types: the same parser the generator uses, run
/// with a diagnostics sink. Also: a flow name used twice in a project, and [FlowTask] outside a flow.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FlowAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.FlowClassMustBePartial,
        DiagnosticDescriptors.TaskMethodMustBeStatic,
        DiagnosticDescriptors.TaskMethodIsGeneric,
        DiagnosticDescriptors.TaskParameterByReference,
        DiagnosticDescriptors.TaskMethodIsAsyncVoid,
        DiagnosticDescriptors.FlowClassNotSupported,
        DiagnosticDescriptors.TaskReturnTypeNotSupported,
        DiagnosticDescriptors.UnknownUpstreamTask,
        DiagnosticDescriptors.TaskGraphCycle,
        DiagnosticDescriptors.UpstreamResultTypeMismatch,
        DiagnosticDescriptors.UpstreamHasNoResult,
        DiagnosticDescriptors.DuplicateTaskName,
        DiagnosticDescriptors.DuplicateFlowName,
        DiagnosticDescriptors.UnboundTaskParameter,
        DiagnosticDescriptors.UnsupportedFlowParameterType,
        DiagnosticDescriptors.ConflictingFlowParameter,
        DiagnosticDescriptors.ParameterBoundTwice,
        DiagnosticDescriptors.InvalidTaskOptions,
        DiagnosticDescriptors.InvalidFlowName,
        DiagnosticDescriptors.FlowHasNoTasks,
        DiagnosticDescriptors.TaskOutsideFlow,
        DiagnosticDescriptors.NullableResultToNonNullableParameter,
        DiagnosticDescriptors.UpstreamIsNotATask,
        DiagnosticDescriptors.PodTaskDataNotSerializable,
        DiagnosticDescriptors.ContainerTaskDeclaration,
        DiagnosticDescriptors.PodTaskKindConflict,
        DiagnosticDescriptors.PodTaskWithoutStorage,
        DiagnosticDescriptors.UnknownContainerTaskPlaceholder,
        DiagnosticDescriptors.PlaceholderInShellScript,
        DiagnosticDescriptors.PodTaskWithoutFlowTask,
        DiagnosticDescriptors.TaskKubernetesNameCollision,
        DiagnosticDescriptors.SecretParameterInContainerArgs);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var known = new KnownTypes(start.Compilation);
            if (known.FlowAttributeType is null)
            {
                return;
            }
            var flowNames = new ConcurrentBag<(string Name, INamedTypeSymbol Type, Location? Location)>();

            start.RegisterSymbolAction(symbolContext =>
            {
                var type = (INamedTypeSymbol)symbolContext.Symbol;
                var flowAttribute = type.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, known.FlowAttributeType));
                if (flowAttribute is null)
                {
                    return;
                }
                FlowParser.Parse(type, flowAttribute, symbolContext.Compilation, known, symbolContext.ReportDiagnostic, symbolContext.CancellationToken);
                if (FlowParser.ReadFlowName(flowAttribute) is { Length: > 0 } name)
                {
                    flowNames.Add((name, type, AttributeLocations.OfConstructorArgument(flowAttribute, 0, 1, symbolContext.CancellationToken)));
                }
            }, SymbolKind.NamedType);

            start.RegisterSymbolAction(symbolContext =>
            {
                var method = (IMethodSymbol)symbolContext.Symbol;
                var taskAttribute = method.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, known.FlowTaskAttributeType));
                if (taskAttribute is null || method.ContainingType is null)
                {
                    return;
                }
                if (!method.ContainingType.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, known.FlowAttributeType)))
                {
                    symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TaskOutsideFlow,
                        AttributeLocations.Of(taskAttribute, symbolContext.CancellationToken) ?? method.Locations.FirstOrDefault(),
                        method.Name, method.ContainingType.Name));
                }
            }, SymbolKind.Method);

            start.RegisterCompilationEndAction(end =>
            {
                // Sorted by location so that the first declaration in source order keeps the name.
                var declared = flowNames
                    .OrderBy(f => f.Location?.SourceTree?.FilePath, System.StringComparer.Ordinal)
                    .ThenBy(f => f.Location?.SourceSpan.Start ?? 0)
                    .ToList();
                foreach (var group in declared.GroupBy(f => f.Name, System.StringComparer.Ordinal))
                {
                    var first = group.First();
                    foreach (var duplicate in group.Skip(1))
                    {
                        end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateFlowName, duplicate.Location, duplicate.Name, first.Type.ToDisplayString()));
                    }
                }
            });
        });
    }
}
