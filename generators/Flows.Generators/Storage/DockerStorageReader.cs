using System.Linq;
using Flows.Generators.Core;
using Microsoft.CodeAnalysis;

namespace Flows.Generators.Storage;

/// <summary>Reads [DockerStorage] from a flow class.</summary>
internal static class DockerStorageReader
{
    /// <summary>[DockerStorage] on the flow class, or null; the one reading the parser and the analyzers share.</summary>
    public static DockerStorageModel? Read(INamedTypeSymbol flowType, Compilation compilation) =>
        Read(flowType, compilation, out _);

    public static DockerStorageModel? Read(INamedTypeSymbol flowType, Compilation compilation, out AttributeData? attribute)
    {
        attribute = AttributeLookup.Find(flowType, KnownTypes.DockerStorageAttribute, compilation);
        if (attribute is null)
        {
            return null;
        }
        var registry = Named(attribute, "RegistryUrl");
        var name = Named(attribute, "ImageName") ?? "";
        var tag = Named(attribute, "ImageTag");
        return new DockerStorageModel(
            registry,
            name,
            string.IsNullOrWhiteSpace(tag) ? null : tag,
            ImageReference.Compose(registry, name, tag),
            Named(attribute, "BaseImage") is { Length: > 0 } baseImage ? baseImage : DockerStorageModel.DefaultBaseImage,
            Strings(attribute, "EnvironmentVariables"),
            Strings(attribute, "Files"),
            compilation.AssemblyName ?? "app");
    }

    private static string? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;

    private static EquatableArray<string> Strings(AttributeData attribute, string name)
    {
        var value = attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value;
        return value.Kind == TypedConstantKind.Array
            ? value.Values.Select(v => v.Value as string ?? "").ToEquatableArray()
            : EquatableArray<string>.Empty;
    }
}
