using System.Collections.Generic;
using System.Linq;
using System.Text;
using Flows.Kubernetes;

namespace Flows.Analyzers.CodeFixes;

/// <summary>
/// FLOW079's rewrite of a POSIX shell script: each input placeholder becomes a positional parameter (<c>"$1"</c>,
/// <c>"$2"</c>, ... in order of first appearance), whose value is passed as its own argument after the script.
/// The quoting around the parameter follows where the placeholder stood: inside double quotes <c>$1</c>, inside
/// single quotes <c>'"$1"'</c> (close, quote, reopen), elsewhere <c>"$1"</c>.
/// </summary>
internal static class PositionalScript
{
    private enum Quoting
    {
        None,
        Double,
        Single,
    }

    /// <param name="script">The script element as written, placeholders and <c>{{</c>/<c>}}</c> included.</param>
    /// <param name="inputs">The task's input names: only these placeholders move out of the script.</param>
    /// <param name="argumentsAfterScript">Elements already after the script: the first is <c>$0</c>, so the new parameters start after the others.</param>
    /// <returns>The new script and the placeholders to append as arguments, in order; null if the script already reads <c>$@</c>, <c>$*</c> or <c>$#</c>
    /// (more arguments change them), or reads positional parameters while none are passed (the new ones would take their numbers).</returns>
    public static (string Script, IReadOnlyList<string> Placeholders)? Rewrite(string script, ISet<string> inputs, int argumentsAfterScript)
    {
        var first = argumentsAfterScript == 0 ? 1 : argumentsAfterScript;
        var numbers = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var order = new List<string>();
        var text = new StringBuilder();
        var quoting = Quoting.None;
        foreach (var (part, isPlaceholder) in InputPlaceholders.Parse(script))
        {
            if (!isPlaceholder || !inputs.Contains(part))
            {
                var literal = isPlaceholder ? "{" + part + "}" : part;
                if (!Scan(literal, ref quoting, argumentsAfterScript > 0))
                {
                    return null;
                }
                text.Append(isPlaceholder ? literal : literal.Replace("{", "{{").Replace("}", "}}"));
                continue;
            }
            if (!numbers.TryGetValue(part, out var number))
            {
                number = first + order.Count;
                numbers.Add(part, number);
                order.Add(part);
            }
            var parameter = number < 10 ? "$" + number : "${" + number + "}";
            text.Append(quoting switch
            {
                Quoting.Double => parameter,
                Quoting.Single => "'\"" + parameter + "\"'",
                _ => "\"" + parameter + "\"",
            });
        }
        return order.Count == 0 ? null : (text.ToString(), order);
    }

    /// <summary>
    /// Follows the quoting through <paramref name="literal"/> (backslash escapes outside single quotes; a command
    /// substitution's own quoting is not followed). False when it reads parameters that new arguments would change.
    /// </summary>
    private static bool Scan(string literal, ref Quoting quoting, bool hasPositionalArguments)
    {
        for (var i = 0; i < literal.Length; i++)
        {
            var c = literal[i];
            if (quoting == Quoting.Single)
            {
                quoting = c == '\'' ? Quoting.None : Quoting.Single;
                continue;
            }
            if (c == '\\')
            {
                i++;
                continue;
            }
            if (c == '"')
            {
                quoting = quoting == Quoting.Double ? Quoting.None : Quoting.Double;
            }
            else if (c == '\'' && quoting == Quoting.None)
            {
                quoting = Quoting.Single;
            }
            else if (c == '$' && i + 1 < literal.Length)
            {
                var next = literal[i + 1] == '{' && i + 2 < literal.Length ? literal[i + 2] : literal[i + 1];
                if (next is '@' or '*' or '#' && !(literal[i + 1] == '{' && next == '#' && i + 3 < literal.Length && literal[i + 3] != '}'))
                {
                    return false;
                }
                if (char.IsDigit(next) && !hasPositionalArguments)
                {
                    return false;
                }
            }
        }
        return true;
    }
}
