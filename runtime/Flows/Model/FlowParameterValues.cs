using System;
using System.Collections.Generic;

namespace Flows;

/// <summary>The raw (string) values of flow parameters for one run.</summary>
public sealed class FlowParameterValues
{
    private readonly IReadOnlyDictionary<string, string> _values;

    public static FlowParameterValues Empty { get; } = new(new Dictionary<string, string>());

    public FlowParameterValues(IReadOnlyDictionary<string, string> values) => _values = values;

    public IEnumerable<string> Names => _values.Keys;

    public bool TryGetRaw(string name, out string value) => _values.TryGetValue(name, out value!);

    public static FlowParameterValues From(params (string Name, string Value)[] values)
    {
        var dictionary = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            dictionary[name] = value;
        }
        return new FlowParameterValues(dictionary);
    }
}
