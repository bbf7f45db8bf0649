using System.Linq;
using Flows.Generators.Core;
using Microsoft.CodeAnalysis;

namespace Flows.Generators.Jobs;

/// <summary>Reads [KubernetesJob] and [DockerStorage] from a flow class.</summary>
internal static class KubernetesAttributeReader
{
    public const string KubernetesJobAttribute = "Flows.KubernetesJobAttribute";
    public const string DockerStorageAttribute = "Flows.DockerStorageAttribute";

    public static KubernetesAttributeSpec? Read(INamedTypeSymbol flowType, Compilation compilation) =>
        Read(flowType, compilation, out _, out _);

    public static KubernetesAttributeSpec? Read(INamedTypeSymbol flowType, Compilation compilation, out AttributeData? jobAttribute, out AttributeData? storageAttribute)
    {
        var jobType = compilation.GetTypeByMetadataName(KubernetesJobAttribute);
        var storageType = compilation.GetTypeByMetadataName(DockerStorageAttribute);
        var attributes = flowType.GetAttributes();
        jobAttribute = attributes.FirstOrDefault(a => jobType is not null && SymbolEqualityComparer.Default.Equals(a.AttributeClass, jobType));
        storageAttribute = attributes.FirstOrDefault(a => storageType is not null && SymbolEqualityComparer.Default.Equals(a.AttributeClass, storageType));
        if (jobAttribute is null)
        {
            return null;
        }
        var jobSpecFile = jobAttribute.ConstructorArguments.Length == 1 ? jobAttribute.ConstructorArguments[0].Value as string : null;
        var image = storageAttribute is null
            ? ""
            : ImageReference.Compose(Named(storageAttribute, "RegistryUrl"), Named(storageAttribute, "ImageName"), Named(storageAttribute, "ImageTag"));
        return new KubernetesAttributeSpec(
            JobSpecFile: string.IsNullOrWhiteSpace(jobSpecFile) ? null : jobSpecFile,
            PrimaryContainer: Named(jobAttribute, "PrimaryContainer"),
            Namespace: Named(jobAttribute, "Namespace"),
            HasStorage: storageAttribute is not null,
            Image: image,
            AssemblyName: compilation.AssemblyName ?? "app");
    }

    private static string? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;
}
