using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Flows.Kubernetes.Tests.ApiDouble;

/// <summary>Equality-based label selectors: <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a</c>, joined by commas.</summary>
internal sealed class LabelSelector
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> _requirements = new();

    public static LabelSelector Parse(string? text)
    {
        var selector = new LabelSelector();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var notEqual = part.IndexOf("!=", StringComparison.Ordinal);
            var equal = part.IndexOf('=');
            if (notEqual > 0)
            {
                var (key, value) = (part.Substring(0, notEqual), part.Substring(notEqual + 2));
                selector._requirements.Add(labels => !labels.TryGetValue(key, out var v) || v != value);
            }
            else if (equal > 0)
            {
                var key = part.Substring(0, equal);
                var value = part.Substring(equal + 1).TrimStart('=');
                selector._requirements.Add(labels => labels.TryGetValue(key, out var v) && v == value);
            }
            else
            {
                selector._requirements.Add(labels => labels.ContainsKey(part));
            }
        }
        return selector;
    }

    public bool Matches(JsonObject obj)
    {
        var labels = (obj["metadata"]?["labels"] as JsonObject)?
            .Where(p => p.Value is not null)
            .ToDictionary(p => p.Key, p => p.Value!.ToString()) ?? new Dictionary<string, string>();
        return _requirements.All(r => r(labels));
    }
}
