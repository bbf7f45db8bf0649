using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flows.Docker.LocalJobs.Manifests;

/// <summary>What is wrong with a Job (errors: it does not run) and what will not be emulated (warnings), each with the field's path.</summary>
internal sealed class ManifestProblems
{
    public List<string> Errors { get; } = new();

    public List<string> Warnings { get; } = new();

    public void Error(string path, string message) => Errors.Add($"{path}: {message}");

    public void Warn(string path, string message) => Warnings.Add($"{path}: {message}");
}

/// <summary>Typed reads of a manifest's fields: a value of the wrong JSON type is an error at its path, as the API server would reject it.</summary>
internal static class ManifestFields
{
    public static JsonNode? Field(JsonObject? parent, string key) => parent is not null && parent.TryGetPropertyValue(key, out var node) ? node : null;

    public static JsonObject? Object(JsonObject? parent, string key, string path, ManifestProblems problems)
    {
        var node = Field(parent, key);
        if (node is null or JsonObject)
        {
            return (JsonObject?)node;
        }
        problems.Error($"{path}.{key}", "must be an object.");
        return null;
    }

    public static JsonArray? Array(JsonObject? parent, string key, string path, ManifestProblems problems)
    {
        var node = Field(parent, key);
        if (node is null or JsonArray)
        {
            return (JsonArray?)node;
        }
        problems.Error($"{path}.{key}", "must be a list.");
        return null;
    }

    public static string? String(JsonObject? parent, string key, string path, ManifestProblems problems)
    {
        var node = Field(parent, key);
        if (node is null)
        {
            return null;
        }
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }
        problems.Error($"{path}.{key}", $"must be a string, not {Describe(node)}{QuoteHint(node)}.");
        return null;
    }

    public static bool? Bool(JsonObject? parent, string key, string path, ManifestProblems problems)
    {
        var node = Field(parent, key);
        if (node is null)
        {
            return null;
        }
        if (node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetValue<bool>();
        }
        problems.Error($"{path}.{key}", $"must be true or false, not {Describe(node)}.");
        return null;
    }

    public static long? Integer(JsonObject? parent, string key, string path, ManifestProblems problems)
    {
        var node = Field(parent, key);
        if (node is null)
        {
            return null;
        }
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number))
        {
            return number;
        }
        if (node is JsonValue other && other.GetValueKind() == JsonValueKind.Number && long.TryParse(other.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }
        problems.Error($"{path}.{key}", $"must be a whole number, not {Describe(node)}.");
        return null;
    }

    /// <summary>A list of strings (command, args): each item must be a string.</summary>
    public static List<string>? Strings(JsonObject? parent, string key, string path, ManifestProblems problems)
    {
        if (Array(parent, key, path, problems) is not { } array)
        {
            return null;
        }
        var strings = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            {
                strings.Add(value.GetValue<string>());
            }
            else
            {
                problems.Error($"{path}.{key}[{i}]", $"must be a string, not {Describe(array[i])}{QuoteHint(array[i])}.");
            }
        }
        return strings;
    }

    /// <summary>A map of strings to strings (labels, annotations).</summary>
    public static Dictionary<string, string> StringMap(JsonObject? parent, string key, string path, ManifestProblems problems)
    {
        var map = new Dictionary<string, string>();
        if (Object(parent, key, path, problems) is not { } obj)
        {
            return map;
        }
        foreach (var (name, _) in obj)
        {
            if (String(obj, name, $"{path}.{key}", problems) is { } value)
            {
                map[name] = value;
            }
        }
        return map;
    }

    /// <summary>A quantity's text: Kubernetes takes <c>cpu: 2</c> and <c>cpu: "2"</c> alike.</summary>
    public static string? QuantityText(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
        _ => null,
    };

    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.Number => "the number " + value.ToJsonString(),
            JsonValueKind.True or JsonValueKind.False => "the boolean " + value.ToJsonString(),
            JsonValueKind.String => "a string",
            _ => value.ToJsonString(),
        },
        _ => node.ToJsonString(),
    };

    private static string QuoteHint(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
            ? $" (YAML reads it unquoted as a {(value.GetValueKind() == JsonValueKind.Number ? "number" : "boolean")}: quote it)"
            : "";
}
