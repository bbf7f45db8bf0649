using System.Linq;
using Flows.Generators.Core;
using Flows.Generators.Storage;
using Microsoft.CodeAnalysis;

namespace Flows.Generators.Jobs;

/// <summary>Reads [KubernetesJob] from a flow class; the image and whether there is storage come from its [DockerStorage], read once.</summary>
internal static class KubernetesAttributeReader
{
    public static KubernetesJobModel? Read(INamedTypeSymbol flowType, DockerStorageModel? storage, Compilation compilation) =>
        Read(flowType, storage, compilation, out _);

    public static KubernetesJobModel? Read(INamedTypeSymbol flowType, DockerStorageModel? storage, Compilation compilation, out AttributeData? jobAttribute)
    {
        jobAttribute = AttributeLookup.Find(flowType, KnownTypes.KubernetesJobAttribute, compilation);
        if (jobAttribute is null)
        {
            return null;
        }
        var jobSpecFile = jobAttribute.ConstructorArguments.Length == 1 ? jobAttribute.ConstructorArguments[0].Value as string : null;
        return new KubernetesJobModel(
            JobSpecFile: string.IsNullOrWhiteSpace(jobSpecFile) ? null : jobSpecFile,
            PrimaryContainer: Named(jobAttribute, "PrimaryContainer"),
            Namespace: Named(jobAttribute, "Namespace"),
            HasStorage: storage is not null,
            Image: storage?.Image ?? "",
            AssemblyName: compilation.AssemblyName ?? "app");
    }

    private static string? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;
}
