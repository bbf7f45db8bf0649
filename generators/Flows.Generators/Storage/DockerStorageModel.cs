using Flows.Generators.Core;

namespace Flows.Generators.Storage;

/// <summary>What [DockerStorage] on a flow class says (plain values, equatable).</summary>
internal sealed record DockerStorageModel(
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
}
