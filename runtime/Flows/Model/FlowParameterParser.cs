using System;
using System.Globalization;

namespace Flows;

/// <summary>Parses flow parameter values; called by generated code, with no reflection.</summary>
public static class FlowParameterParser
{
    public static T Parse<T>(string name, string raw) where T : IParsable<T>
    {
        if (T.TryParse(raw, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        throw new FlowParameterException(name, $"Flow parameter '{name}': '{raw}' is not a valid {typeof(T).Name}.");
    }

    public static T ParseEnum<T>(string name, string raw) where T : struct, Enum
    {
        if (Enum.TryParse<T>(raw, ignoreCase: true, out var value) && Enum.IsDefined(value))
        {
            return value;
        }
        throw new FlowParameterException(
            name,
            $"Flow parameter '{name}': '{raw}' is not one of {string.Join(", ", Enum.GetNames<T>())}.");
    }

    public static T Required<T>(string name) =>
        throw new FlowParameterException(name, $"Flow parameter '{name}' is required: pass --param {name}=VALUE.");
}

/// <summary>A flow parameter is missing or its value cannot be parsed: a usage error.</summary>
public sealed class FlowParameterException : Exception
{
    public FlowParameterException(string parameterName, string message) : base(message) => ParameterName = parameterName;

    public string ParameterName { get; }
}
