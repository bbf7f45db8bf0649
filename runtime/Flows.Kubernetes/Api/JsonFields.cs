using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flows.Kubernetes;

/// <summary>Reads fields of Kubernetes objects kept as JSON (so that nothing the server sent is lost).</summary>
internal static class JsonFields
{
    public static JsonNode? At(JsonNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(key, out var child) ? child : null;
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }

    public static JsonObject? Object(JsonNode? node, params string[] path) => At(node, path) as JsonObject;

    public static string? String(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static long? Integer(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number) ? number : null;

    /// <summary>The objects of the array at <paramref name="path"/>; empty when there is none.</summary>
    public static IEnumerable<JsonObject> Objects(JsonNode? node, params string[] path) =>
        At(node, path) is JsonArray array ? array.OfType<JsonObject>() : Enumerable.Empty<JsonObject>();

    public static string Name(JsonNode? obj) => String(obj, "metadata", "name") ?? "";

    public static string? ResourceVersion(JsonNode? obj) => String(obj, "metadata", "resourceVersion");

    public static string? Label(JsonNode? obj, string label) => String(obj, "metadata", "labels", label);
}
