using System.Collections.Generic;
using System.Globalization;
using Flows.Generators.Core;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.Kubernetes.Validation;

/// <summary>The JSON type a YAML node becomes when Flows sends the spec (see <see cref="YamlJson"/>).</summary>
internal enum JsonType { Null, Boolean, Integer, Number, String, Object, Array }

/// <summary>
/// A YAML node of a spec with its field path, read as the JSON the API server receives. The typed getters return
/// null for a missing field, a JSON null, or a value of another type: the schema check reports a wrong type once,
/// and the rules then treat the field as absent (as the server never gets to validate a spec it cannot decode).
/// </summary>
internal readonly struct SpecNode
{
    public SpecNode(YamlNode? node, FieldPath path, YamlNode? anchor = null)
    {
        Node = node;
        Path = path;
        Anchor = anchor;
    }

    public YamlNode? Node { get; }

    /// <summary>The nearest enclosing node that is in the file, for a field that is not.</summary>
    public YamlNode? Anchor { get; }

    /// <summary>Where to report something about this field: the node, or when it is missing, the nearest enclosing one.</summary>
    public YamlNode? Location => Node ?? Anchor;

    public FieldPath Path { get; }

    /// <summary>The field is there and not null (Go's non-zero pointer or value).</summary>
    public bool Exists => Node is not null && TypeOf(Node) != JsonType.Null;

    public JsonType Type => Node is null ? JsonType.Null : TypeOf(Node);

    public bool IsObject => Node is YamlMappingNode;

    public bool IsArray => Node is YamlSequenceNode;

    public SpecNode this[string field] => new(Node is YamlMappingNode mapping ? YamlSpecText.Child(mapping, field) : null, Path.Child(field), Location);

    /// <summary>A field is present with a value, even a zero one ("" or 0): Go sees it only when it is not the zero value, so use <see cref="String"/> for most rules.</summary>
    public bool Has(string field) => this[field].Exists;

    /// <summary>The string value; null when missing, null or not a string.</summary>
    public string? String => Node is YamlScalarNode && TypeOf(Node) == JsonType.String ? ((YamlScalarNode)Node).Value ?? "" : null;

    /// <summary>The string value, "" when missing or null (Go's zero value).</summary>
    public string StringOrEmpty => String ?? "";

    public long? Integer => Node is YamlScalarNode scalar && TypeOf(Node) == JsonType.Integer
        && long.TryParse(YamlJson.ScalarJson(scalar), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    public bool? Boolean => Node is YamlScalarNode scalar && TypeOf(Node) == JsonType.Boolean ? YamlJson.ScalarJson(scalar) == "true" : null;

    /// <summary>The JSON text of a scalar (for messages).</summary>
    public string? Json => Node is YamlScalarNode scalar ? YamlJson.ScalarJson(scalar) : null;

    /// <summary>The items of an array with their paths; empty when missing or not an array.</summary>
    public IReadOnlyList<SpecNode> Items
    {
        get
        {
            var items = new List<SpecNode>();
            if (Node is YamlSequenceNode sequence)
            {
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    items.Add(new SpecNode(sequence.Children[i], Path.Index(i)));
                }
            }
            return items;
        }
    }

    public int Count => Node is YamlSequenceNode sequence ? sequence.Children.Count : Node is YamlMappingNode mapping ? mapping.Children.Count : 0;

    /// <summary>The entries of an object used as a map (labels, nodeSelector, limits), each path with the key in brackets.</summary>
    public IReadOnlyList<KeyValuePair<string, SpecNode>> Entries
    {
        get
        {
            var entries = new List<KeyValuePair<string, SpecNode>>();
            if (Node is YamlMappingNode mapping)
            {
                foreach (var entry in mapping.Children)
                {
                    var key = (entry.Key as YamlScalarNode)?.Value ?? "";
                    entries.Add(new KeyValuePair<string, SpecNode>(key, new SpecNode(entry.Value, Path.Key(key))));
                }
            }
            return entries;
        }
    }

    /// <summary>The key nodes of an object, for reporting at a key.</summary>
    public YamlNode? KeyNode(string key)
    {
        if (Node is YamlMappingNode mapping)
        {
            foreach (var entry in mapping.Children)
            {
                if (entry.Key is YamlScalarNode scalar && scalar.Value == key)
                {
                    return entry.Key;
                }
            }
        }
        return null;
    }

    public static JsonType TypeOf(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode:
                return JsonType.Object;
            case YamlSequenceNode:
                return JsonType.Array;
            case YamlScalarNode scalar:
                var json = YamlJson.ScalarJson(scalar);
                if (json == "null") return JsonType.Null;
                if (json is "true" or "false") return JsonType.Boolean;
                if (json.Length > 0 && json[0] == '"') return JsonType.String;
                return IsIntegerText(json) ? JsonType.Integer : JsonType.Number;
            default:
                return JsonType.Null;
        }
    }

    private static bool IsIntegerText(string json)
    {
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (!(c is >= '0' and <= '9' || (i == 0 && c == '-')))
            {
                return false;
            }
        }
        return json.Length > 0;
    }
}
