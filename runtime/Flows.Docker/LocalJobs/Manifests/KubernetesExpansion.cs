using System;
using System.Collections.Generic;
using System.Text;

namespace Flows.Docker.LocalJobs.Manifests;

/// <summary>
/// The kubelet's <c>$(VAR_NAME)</c> expansion in env values, command, args and subPathExpr: a defined variable is
/// replaced by its value, an undefined one is left as written, <c>$$</c> is a literal <c>$</c>.
/// </summary>
public static class KubernetesExpansion
{
    public static string Expand(string input, Func<string, string?> lookup)
    {
        if (!input.Contains('$', StringComparison.Ordinal))
        {
            return input;
        }
        var result = new StringBuilder(input.Length);
        var i = 0;
        while (i < input.Length)
        {
            var c = input[i];
            if (c != '$' || i + 1 >= input.Length)
            {
                result.Append(c);
                i++;
                continue;
            }
            var next = input[i + 1];
            if (next == '$')
            {
                result.Append('$');
                i += 2;
            }
            else if (next == '(' && input.IndexOf(')', i + 2) is var close && close > 0)
            {
                var name = input[(i + 2)..close];
                result.Append(lookup(name) ?? "$(" + name + ")");
                i = close + 1;
            }
            else
            {
                result.Append('$').Append(next);
                i += 2;
            }
        }
        return result.ToString();
    }

    public static string Expand(string input, IReadOnlyDictionary<string, string> variables) =>
        Expand(input, name => variables.TryGetValue(name, out var value) ? value : null);
}
