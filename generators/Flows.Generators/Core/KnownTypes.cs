using Microsoft.CodeAnalysis;

namespace Flows.Generators.Core;

/// <summary>The Flows and BCL types the parser recognises, resolved once per compilation.</summary>
internal sealed class KnownTypes
{
    public const string FlowAttribute = "Flows.FlowAttribute";
    public const string FlowTaskAttribute = "Flows.FlowTaskAttribute";
    public const string FromTaskAttribute = "Flows.FromTaskAttribute";
    public const string DependsOnAttribute = "Flows.DependsOnAttribute";
    public const string FlowParameterAttribute = "Flows.FlowParameterAttribute";
    public const string TaskRunContext = "Flows.TaskRunContext";
    public const string KubernetesJobAttribute = "Flows.KubernetesJobAttribute";
    public const string DockerStorageAttribute = "Flows.DockerStorageAttribute";

    public KnownTypes(Compilation compilation)
    {
        FlowAttributeType = compilation.GetTypeByMetadataName(FlowAttribute);
        FlowTaskAttributeType = compilation.GetTypeByMetadataName(FlowTaskAttribute);
        FromTaskAttributeType = compilation.GetTypeByMetadataName(FromTaskAttribute);
        DependsOnAttributeType = compilation.GetTypeByMetadataName(DependsOnAttribute);
        FlowParameterAttributeType = compilation.GetTypeByMetadataName(FlowParameterAttribute);
        TaskRunContextType = compilation.GetTypeByMetadataName(TaskRunContext);
        CancellationTokenType = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        TaskType = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfTType = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTaskType = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfTType = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        ParsableType = compilation.GetTypeByMetadataName("System.IParsable`1");
    }

    public INamedTypeSymbol? FlowAttributeType { get; }
    public INamedTypeSymbol? FlowTaskAttributeType { get; }
    public INamedTypeSymbol? FromTaskAttributeType { get; }
    public INamedTypeSymbol? DependsOnAttributeType { get; }
    public INamedTypeSymbol? FlowParameterAttributeType { get; }
    public INamedTypeSymbol? TaskRunContextType { get; }
    public INamedTypeSymbol? CancellationTokenType { get; }
    public INamedTypeSymbol? TaskType { get; }
    public INamedTypeSymbol? TaskOfTType { get; }
    public INamedTypeSymbol? ValueTaskType { get; }
    public INamedTypeSymbol? ValueTaskOfTType { get; }
    public INamedTypeSymbol? ParsableType { get; }

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, known);
}
