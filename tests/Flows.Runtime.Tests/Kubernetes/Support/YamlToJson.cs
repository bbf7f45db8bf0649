using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Flows.Runtime.Tests.Kubernetes.Support;

/// <summary>
/// Reads YAML the way kubectl does (sigs.k8s.io/yaml: YAML 1.1 plain scalars) into JSON: quoted scalars and
/// <c>!!str</c> are strings; plain null/~/empty, true/false/yes/no/on/off, integers and floats are what they look like.
/// Written for the tests, independently of the generator's converter, so the two check each other.
/// </summary>
internal static class YamlToJson
{
    private static readonly Regex Null = new("^(~|null|Null|NULL|)$");
    private static readonly Regex True = new("^(y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON)$");
    private static readonly Regex False = new("^(n|N|no|No|NO|false|False|FALSE|off|Off|OFF)$");
    private static readonly Regex Integer = new("^[-+]?(0|[1-9][0-9]*)$");
    private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$");

    /// <summary>The first document of <paramref name="yaml"/> as JSON.</summary>
    public static JsonNode? Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents.Single().RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(entry =>
            new System.Collections.Generic.KeyValuePair<string, JsonNode?>(((YamlScalarNode)entry.Key).Value!, Convert(entry.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidDataException("unexpected YAML node " + node.NodeType),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            return JsonValue.Create(value);
        }
        if (Null.IsMatch(value))
        {
            return null;
        }
        if (True.IsMatch(value) || False.IsMatch(value))
        {
            return JsonValue.Create(True.IsMatch(value));
        }
        if (Integer.IsMatch(value))
        {
            return JsonValue.Create(long.Parse(value, CultureInfo.InvariantCulture));
        }
        if (Float.IsMatch(value))
        {
            return JsonValue.Create(double.Parse(value, CultureInfo.InvariantCulture));
        }
        return JsonValue.Create(value);
    }
}
