using System.Text;
using System.Threading;
using Flows.Yaml;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.Core;

/// <summary>
/// Reads YAML nodes as the JSON the API server receives, the way kubectl reads YAML (YAML 1.1 plain scalars, as
/// sigs.k8s.io/yaml does; see <see cref="YamlScalarResolver"/>, shared with the runtime): plain true/false/yes/no/on/off
/// are booleans, plain numbers are numbers, plain ~/null/empty are null, quoted scalars are strings.
/// </summary>
internal static class YamlJson
{
    public static string ToJson(YamlNode node, CancellationToken cancellationToken = default) => YamlJsonText.Write(node, cancellationToken);

    /// <summary>The scalar's string value when it is read as a string, else null.</summary>
    public static string? AsString(YamlNode? node) =>
        node is YamlScalarNode scalar && YamlScalarResolver.KindOf(scalar) == YamlScalarKind.String ? scalar.Value : null;

    /// <summary>True for a plain scalar that reads as null, or no node at all.</summary>
    public static bool IsNull(YamlNode? node) =>
        node is null || (node is YamlScalarNode scalar && YamlScalarResolver.KindOf(scalar) == YamlScalarKind.Null);

    /// <summary>The JSON text this scalar becomes (<c>"text"</c>, <c>12</c>, <c>1.5</c>, <c>true</c>, <c>null</c>).</summary>
    public static string ScalarJson(YamlScalarNode scalar) => YamlScalarResolver.Json(scalar);

    /// <summary>True for a plain scalar that reads as the boolean true (true, yes, on, ... as YAML 1.1 has them).</summary>
    public static bool IsTrue(YamlNode? node) =>
        node is YamlScalarNode scalar && YamlScalarResolver.KindOf(scalar) == YamlScalarKind.Boolean && YamlScalarResolver.Json(scalar) == "true";

    public static void WriteString(StringBuilder json, string value) => YamlScalarResolver.AppendJsonString(json, value);
}
