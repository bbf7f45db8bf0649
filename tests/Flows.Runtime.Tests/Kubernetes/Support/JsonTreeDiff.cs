using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Flows.Runtime.Tests.Kubernetes.Support;

public enum JsonChange
{
    /// <summary>In the output, not in the input.</summary>
    Added,

    /// <summary>In the input, not in the output.</summary>
    Removed,

    /// <summary>A different value (or kind of value) at the same path.</summary>
    Changed,
}

/// <summary>
/// Walks two JSON trees in step and lists every path where they differ, e.g.
/// <c>spec.template.spec.containers[0].env[1]</c>. Objects are compared key by key, arrays index by index
/// (extra elements are Added or Removed one by one); scalars by their JSON text.
/// </summary>
public static class JsonTreeDiff
{
    public static IReadOnlyList<(string Path, JsonChange Change)> Compare(JsonNode? input, JsonNode? output)
    {
        var differences = new List<(string, JsonChange)>();
        Walk(input, output, "", differences);
        return differences;
    }

    private static void Walk(JsonNode? input, JsonNode? output, string path, List<(string, JsonChange)> differences)
    {
        switch (input, output)
        {
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
                {
                    var child = path.Length == 0 ? key : path + "." + key;
                    if (!a.ContainsKey(key))
                    {
                        differences.Add((child, JsonChange.Added));
                    }
                    else if (!b.ContainsKey(key))
                    {
                        differences.Add((child, JsonChange.Removed));
                    }
                    else
                    {
                        Walk(a[key], b[key], child, differences);
                    }
                }
                break;
            case (JsonArray a, JsonArray b):
                for (var i = 0; i < System.Math.Max(a.Count, b.Count); i++)
                {
                    var child = $"{path}[{i}]";
                    if (i >= a.Count)
                    {
                        differences.Add((child, JsonChange.Added));
                    }
                    else if (i >= b.Count)
                    {
                        differences.Add((child, JsonChange.Removed));
                    }
                    else
                    {
                        Walk(a[i], b[i], child, differences);
                    }
                }
                break;
            default:
                if ((input?.ToJsonString() ?? "null") != (output?.ToJsonString() ?? "null"))
                {
                    differences.Add((path, JsonChange.Changed));
                }
                break;
        }
    }
}
