using System.Linq;
using Flows.Generators.Core;

namespace Flows.Generators.Storage;

/// <summary>Writes a flow's [DockerStorage] as a <c>global::Flows.DockerStorageDefinition</c>.</summary>
internal static class DockerStorageEmitter
{
    public static string Expression(DockerStorageModel storage, string? projectFile) =>
        "new global::Flows.DockerStorageDefinition(" +
        $"{GeneratedCode.Literal(storage.RegistryUrl)}, {GeneratedCode.Literal(storage.ImageName)}, {GeneratedCode.Literal(storage.ImageTag)}, " +
        $"{GeneratedCode.Literal(storage.Image)}, {GeneratedCode.Literal(storage.BaseImage)}, " +
        $"{Pairs(storage.EnvironmentVariables.Select(e => Split(e, e.IndexOf('='))))}, " +
        $"{Pairs(storage.Files.Select(f => Split(f, f.LastIndexOf(':'))))}, " +
        $"{GeneratedCode.Literal(projectFile)}, {GeneratedCode.Literal(storage.AssemblyName)})";

    private static (string Key, string Value) Split(string entry, int separator) =>
        separator <= 0 ? (entry, "") : (entry.Substring(0, separator), entry.Substring(separator + 1));

    private static string Pairs(System.Collections.Generic.IEnumerable<(string Key, string Value)> pairs)
    {
        var items = pairs.Select(p => $"new global::System.Collections.Generic.KeyValuePair<string, string>({GeneratedCode.Literal(p.Key)}, {GeneratedCode.Literal(p.Value)})").ToList();
        return items.Count == 0
            ? "global::System.Array.Empty<global::System.Collections.Generic.KeyValuePair<string, string>>()"
            : "new global::System.Collections.Generic.KeyValuePair<string, string>[] { " + string.Join(", ", items) + " }";
    }
}
