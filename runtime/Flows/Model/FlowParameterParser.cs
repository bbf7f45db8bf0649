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

    /// <summary>A secret parameter's value: the error does not show it.</summary>
    public static T ParseSecret<T>(string name, string raw) where T : IParsable<T>
    {
        if (T.TryParse(raw, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        throw new FlowParameterException(name, $"Flow parameter '{name}': the value is not a valid {typeof(T).Name} (it is secret, so it is not shown).");
    }

    /// <summary>A required secret parameter without a value: says where the value comes from.</summary>
    public static T RequiredSecret<T>(string name) =>
        throw new FlowParameterException(name, $"Flow parameter '{name}' is required and secret: set the environment variable {SecretParameterVariables.NameFor(name)}.");

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

    /// <summary>A secret enum parameter's value: the error does not show it.</summary>
    public static T ParseSecretEnum<T>(string name, string raw) where T : struct, Enum
    {
        if (Enum.TryParse<T>(raw, ignoreCase: true, out var value) && Enum.IsDefined(value))
        {
            return value;
        }
        throw new FlowParameterException(
            name,
            $"Flow parameter '{name}': the value is not one of {string.Join(", ", Enum.GetNames<T>())} (it is secret, so it is not shown).");
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
