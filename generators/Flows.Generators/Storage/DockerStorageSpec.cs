using System.Collections.Generic;
using System.Linq;
using Flows.Generators.Core;
using Flows.Generators.Jobs;
using Microsoft.CodeAnalysis;

namespace Flows.Generators.Storage;

/// <summary>What [DockerStorage] on a flow class says (plain values, equatable).</summary>
internal sealed record DockerStorageSpec(
    string? RegistryUrl,
    string ImageName,
    string? ImageTag,
    string Image,
    string BaseImage,
    EquatableArray<string> EnvironmentVariables,
    EquatableArray<string> Files,
    string AssemblyName)
{
    public const string DefaultBaseImage = "localhost:5000/flows/dotnet-deps:1";

    public static DockerStorageSpec? Read(INamedTypeSymbol flowType, Compilation compilation)
    {
        var storageType = compilation.GetTypeByMetadataName(KubernetesAttributeReader.DockerStorageAttribute);
        var attribute = flowType.GetAttributes().FirstOrDefault(a => storageType is not null && SymbolEqualityComparer.Default.Equals(a.AttributeClass, storageType));
        if (attribute is null)
        {
            return null;
        }
        var registry = Named(attribute, "RegistryUrl");
        var name = Named(attribute, "ImageName") ?? "";
        var tag = Named(attribute, "ImageTag");
        return new DockerStorageSpec(
            registry,
            name,
            string.IsNullOrWhiteSpace(tag) ? null : tag,
            ImageReference.Compose(registry, name, tag),
            Named(attribute, "BaseImage") is { Length: > 0 } baseImage ? baseImage : DefaultBaseImage,
            Strings(attribute, "EnvironmentVariables"),
            Strings(attribute, "Files"),
            compilation.AssemblyName ?? "app");
    }

    /// <summary>Null when the entry is well formed; else what is wrong.</summary>
    public static string? EnvironmentVariableProblem(string entry) =>
        entry.IndexOf('=') <= 0 ? $"EnvironmentVariables entry '{entry}' must be NAME=value" : null;

    public static string? FileProblem(string entry)
    {
        var separator = entry.LastIndexOf(':');
        if (separator <= 0 || separator == entry.Length - 1)
        {
            return $"Files entry '{entry}' must be source:destination";
        }
        return entry[separator + 1] == '/' ? null : $"Files entry '{entry}': the destination must be an absolute path in the image";
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

/// <summary>The project's folder and file, from the build properties.</summary>
internal sealed record ProjectPaths(string? Directory, string? File);
