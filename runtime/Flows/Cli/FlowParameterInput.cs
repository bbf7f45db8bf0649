using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Flows.Cli;

/// <summary>
/// The raw flow parameter values of one command: <c>--param name=value</c>, and for a secret parameter
/// (<c>[FlowParameter(Secret = true)]</c>) the environment variable <c>FLOWS__PARAM__&lt;NAME&gt;</c> when no
/// <c>--param</c> gives it. A secret given with <c>--param</c> works but draws a warning: the process list and the
/// shell history show it.
/// </summary>
public static class FlowParameterInput
{
    /// <param name="environment">Reads an environment variable; null: this process's.</param>
    /// <returns>The values, or null after printing a usage error.</returns>
    public static FlowParameterValues? Read(FlowDefinition flow, string[] rawParameters, TextWriter error, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in rawParameters)
        {
            var separator = raw.IndexOf('=');
            if (separator <= 0)
            {
                // The text may be a secret typed without its name: not repeated.
                error.WriteLine($"error: a --param is not name=value{(separator == 0 ? " (it starts with '=')" : "")}: write --param NAME=VALUE.");
                return null;
            }
            var name = raw.Substring(0, separator);
            var parameter = flow.Parameters.FirstOrDefault(p => p.Name == name);
            if (parameter is null)
            {
                error.WriteLine(flow.Parameters.Count == 0
                    ? $"error: flow '{flow.Name}' has no parameters, but --param '{name}' was given."
                    : $"error: flow '{flow.Name}' has no parameter '{name}'. Parameters: {string.Join(", ", flow.Parameters.Select(p => p.Name))}.");
                return null;
            }
            if (!values.TryAdd(name, raw.Substring(separator + 1)))
            {
                error.WriteLine($"error: --param '{name}' is given twice.");
                return null;
            }
            if (parameter.IsSecret)
            {
                error.WriteLine($"warning: flow parameter '{name}' is secret, and --param shows it in the process list and the shell history: set {parameter.EnvironmentVariable} instead.");
            }
        }
        foreach (var secret in flow.Parameters.Where(p => p.IsSecret && !values.ContainsKey(p.Name)))
        {
            if (environment(secret.EnvironmentVariable) is { } value)
            {
                values[secret.Name] = value;
            }
        }
        return new FlowParameterValues(values);
    }

    /// <summary>The required parameters without a value, each as a line saying how to give it; empty when none is missing.</summary>
    public static IReadOnlyList<string> Missing(FlowDefinition flow, FlowParameterValues values) => flow.Parameters
        .Where(p => p.IsRequired && !values.TryGetRaw(p.Name, out _))
        .Select(p => p.IsSecret
            ? $"error: flow parameter '{p.Name}' is required and secret: set the environment variable {p.EnvironmentVariable}."
            : $"error: flow parameter '{p.Name}' is required: pass --param {p.Name}=VALUE.")
        .ToList();
}
