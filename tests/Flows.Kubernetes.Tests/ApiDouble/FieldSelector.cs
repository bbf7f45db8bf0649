using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Flows.Kubernetes.Tests.ApiDouble;

/// <summary>
/// The field selectors every resource supports: <c>metadata.name</c> and <c>metadata.namespace</c>, with
/// <c>=</c>, <c>==</c> or <c>!=</c>, joined by commas. Any other field is refused with 400, as the API
/// server refuses a field label the resource does not support.
/// </summary>
internal sealed class FieldSelector
{
    private readonly List<Func<JsonObject, bool>> _requirements = new();

    /// <summary>The selector, or null with <paramref name="error"/> set when it names an unsupported field.</summary>
    public static FieldSelector? Parse(string? text, string resource, out string? error)
    {
        error = null;
        var selector = new FieldSelector();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var notEqual = part.IndexOf("!=", StringComparison.Ordinal);
            var equal = part.IndexOf('=');
            var separator = notEqual > 0 ? notEqual : equal;
            if (separator <= 0)
            {
                error = $"invalid selector: '{part}'; can't understand '{part}'";
                return null;
            }
            var field = part.Substring(0, separator);
            var value = part.Substring(separator + (notEqual > 0 ? 2 : 1)).TrimStart('=');
            if (field is not ("metadata.name" or "metadata.namespace"))
            {
                error = $"\"{field}\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\" (and the {resource}' own fields, which this double does not know)";
                return null;
            }
            var key = field.Substring("metadata.".Length);
            bool Equal(JsonObject obj) => obj["metadata"]?[key]?.GetValue<string>() == value;
            selector._requirements.Add(notEqual > 0 ? obj => !Equal(obj) : Equal);
        }
        return selector;
    }

    public bool Matches(JsonObject obj) => _requirements.All(r => r(obj));
}
