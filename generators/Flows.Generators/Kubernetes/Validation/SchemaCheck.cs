using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.Kubernetes.Validation;

/// <summary>
/// Decodes a spec against the Kubernetes schema as the API server's JSON decoder does: a value of the wrong type is
/// an error (the server answers 400 before it validates anything), and a field the schema does not have is a warning
/// (the server drops it silently, so a misspelt field does nothing).
/// </summary>
internal static class SchemaCheck
{
    public static void Object(SpecNode node, string definition, SpecValidation validation)
    {
        if (node.Node is not YamlMappingNode mapping)
        {
            return;
        }
        var fields = KubernetesSchema.Fields(definition);
        if (fields is null)
        {
            return;
        }
        foreach (var entry in mapping.Children)
        {
            var key = (entry.Key as YamlScalarNode)?.Value ?? "";
            var path = node.Path.Child(key);
            if (validation.IsOverwritten(path))
            {
                continue;
            }
            if (!fields.TryGetValue(key, out var field))
            {
                validation.Errors.UnknownField(path, entry.Key, UnknownFieldDetail(key, fields.Keys, definition));
                continue;
            }
            Value(new SpecNode(entry.Value, path), field.Kind, field.Element, field.Definition, validation);
        }
    }

    private static void Value(SpecNode node, SchemaKind kind, SchemaKind element, string? definition, SpecValidation validation)
    {
        var errors = validation.Errors;
        var type = node.Type;
        if (type == JsonType.Null || kind == SchemaKind.Any)
        {
            return;
        }
        switch (kind)
        {
            case SchemaKind.String:
                Expect(node, type == JsonType.String, "a string", errors);
                break;
            case SchemaKind.Bytes:
                if (Expect(node, type == JsonType.String, "a base64 string", errors) && !IsBase64(node.StringOrEmpty))
                {
                    errors.TypeInvalid(node.Path, node.Node!, "must be base64-encoded data (illegal base64 data)");
                }
                break;
            case SchemaKind.Int32:
                if (Expect(node, type == JsonType.Integer, "an integer", errors) && node.Integer is not (>= int.MinValue and <= int.MaxValue))
                {
                    errors.TypeInvalid(node.Path, node.Node!, $"{node.Json} does not fit a 32-bit integer (at most {int.MaxValue})");
                }
                break;
            case SchemaKind.Int64:
                if (Expect(node, type == JsonType.Integer, "an integer", errors) && node.Integer is null)
                {
                    errors.TypeInvalid(node.Path, node.Node!, $"{node.Json} does not fit a 64-bit integer");
                }
                break;
            case SchemaKind.Number:
                Expect(node, type is JsonType.Integer or JsonType.Number, "a number", errors);
                break;
            case SchemaKind.Boolean:
                Expect(node, type == JsonType.Boolean, "true or false", errors);
                break;
            case SchemaKind.Quantity:
                if (Expect(node, type is JsonType.String or JsonType.Integer or JsonType.Number, "a quantity such as 500m, 2 or 512Mi", errors)
                    && global::Flows.Manifests.KubernetesQuantity.TryParse(node.String ?? node.Json ?? "") is null)
                {
                    errors.Add(new SpecError(SpecErrorType.TypeInvalid, node.Path, node.Node,
                        null, $"'{node.String ?? node.Json}' is not a Kubernetes quantity: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' (e.g. 500m, 2, 512Mi, 4G)", SpecRule.Quantity));
                }
                break;
            case SchemaKind.IntOrString:
                if (Expect(node, type is JsonType.String or JsonType.Integer, "an integer or a string", errors)
                    && type == JsonType.Integer && node.Integer is not (>= int.MinValue and <= int.MaxValue))
                {
                    errors.TypeInvalid(node.Path, node.Node!, $"{node.Json} does not fit a 32-bit integer");
                }
                break;
            case SchemaKind.Object:
                if (Expect(node, type == JsonType.Object, "a mapping", errors) && definition is not null)
                {
                    Object(node, definition, validation);
                }
                break;
            case SchemaKind.Array:
                if (Expect(node, type == JsonType.Array, "a list", errors))
                {
                    foreach (var item in node.Items)
                    {
                        Value(item, element, SchemaKind.Any, definition, validation);
                    }
                }
                break;
            case SchemaKind.Map:
                if (Expect(node, type == JsonType.Object, "a mapping", errors))
                {
                    foreach (var entry in node.Entries)
                    {
                        Value(entry.Value, element, SchemaKind.Any, definition, validation);
                    }
                }
                break;
        }
    }

    private static bool Expect(SpecNode node, bool matches, string expected, SpecErrors errors)
    {
        if (!matches)
        {
            errors.TypeInvalid(node.Path, node.Node!, $"must be {expected}, not {Describe(node)}{Hint(node, expected)}");
        }
        return matches;
    }

    private static string Describe(SpecNode node) => node.Type switch
    {
        JsonType.Boolean => "a boolean (" + node.Json + ")",
        JsonType.Integer or JsonType.Number => "a number (" + node.Json + ")",
        JsonType.String => "a string (" + node.Json + ")",
        JsonType.Object => "a mapping",
        JsonType.Array => "a list",
        _ => "null",
    };

    private static string Hint(SpecNode node, string expected) =>
        expected == "a string" && node.Type is JsonType.Boolean or JsonType.Integer or JsonType.Number
            ? $": quote it (\"{(node.Node as YamlScalarNode)?.Value}\")"
            : node.Type == JsonType.String && expected is "an integer" or "a number" or "true or false" && node.Node is YamlScalarNode { Style: not YamlDotNet.Core.ScalarStyle.Plain }
                ? ": remove the quotes"
                : "";

    private static string UnknownFieldDetail(string key, System.Collections.Generic.IEnumerable<string> known, string definition)
    {
        string? closest = null;
        var best = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(key.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < best)
            {
                best = distance;
                closest = candidate;
            }
        }
        var type = definition.Substring(definition.LastIndexOf('.') + 1);
        var suggestion = closest is not null && best <= System.Math.Max(2, key.Length / 3) ? $": did you mean '{closest}'?" : "";
        return $"unknown field \"{key}\" of {type}; the API server drops it without a word, so it has no effect{suggestion}";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = System.Math.Min(System.Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static bool IsBase64(string text)
    {
        if (text.Length % 4 != 0)
        {
            return false;
        }
        foreach (var c in text)
        {
            if (!(c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '+' or '/' or '='))
            {
                return false;
            }
        }
        return true;
    }
}
