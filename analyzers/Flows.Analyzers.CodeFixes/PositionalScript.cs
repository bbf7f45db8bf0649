using System.Collections.Generic;
using System.Linq;
using System.Text;
using Flows.Manifests;

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
        var quoting = new QuotingState();
        foreach (var (part, isPlaceholder) in InputPlaceholders.Parse(script))
        {
            if (!isPlaceholder || !inputs.Contains(part))
            {
                var literal = isPlaceholder ? "{" + part + "}" : part;
                if (!quoting.Scan(literal, argumentsAfterScript > 0))
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
            text.Append(quoting.Current switch
            {
                Quoting.Double => parameter,
                Quoting.Single => "'\"" + parameter + "\"'",
                _ => "\"" + parameter + "\"",
            });
        }
        return order.Count == 0 ? null : (text.ToString(), order);
    }

    /// <summary>
    /// The quoting at the current place of the script: the innermost quotes, inside any <c>$(...)</c> or backticks,
    /// which start a quoting of their own even inside double quotes.
    /// </summary>
    private sealed class QuotingState
    {
        /// <summary>The substitutions the current place is in: the quoting and open parentheses outside each, and what ends it.</summary>
        private readonly Stack<(Quoting Outer, int OuterParentheses, char Closer)> _substitutions = new();
        private int _parentheses;

        public Quoting Current { get; private set; }

        /// <summary>
        /// Follows <paramref name="literal"/> (backslash escapes outside single quotes, nested parentheses). False when
        /// it reads parameters that new arguments would change.
        /// </summary>
        public bool Scan(string literal, bool hasPositionalArguments)
        {
            for (var i = 0; i < literal.Length; i++)
            {
                var c = literal[i];
                if (Current == Quoting.Single)
                {
                    Current = c == '\'' ? Quoting.None : Quoting.Single;
                    continue;
                }
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    Current = Current == Quoting.Double ? Quoting.None : Quoting.Double;
                }
                else if (c == '\'' && Current == Quoting.None)
                {
                    Current = Quoting.Single;
                }
                else if (c == '`')
                {
                    if (_substitutions.Count > 0 && _substitutions.Peek().Closer == '`' && Current == Quoting.None)
                    {
                        Leave();
                    }
                    else
                    {
                        Enter('`');
                    }
                }
                else if (c == '$' && i + 1 < literal.Length && literal[i + 1] == '(')
                {
                    Enter(')');
                    i++;
                }
                else if (c == '(' && Current == Quoting.None)
                {
                    _parentheses++;
                }
                else if (c == ')' && Current == Quoting.None)
                {
                    if (_parentheses > 0)
                    {
                        _parentheses--;
                    }
                    else if (_substitutions.Count > 0 && _substitutions.Peek().Closer == ')')
                    {
                        Leave();
                    }
                }
                else if (c == '$' && i + 1 < literal.Length && ReadsChangedParameter(literal, i, hasPositionalArguments))
                {
                    return false;
                }
            }
            return true;
        }

        private void Enter(char closer)
        {
            _substitutions.Push((Current, _parentheses, closer));
            Current = Quoting.None;
            _parentheses = 0;
        }

        private void Leave()
        {
            (Current, _parentheses, _) = _substitutions.Pop();
        }

        /// <summary><c>$@</c>, <c>$*</c>, <c>$#</c> (not <c>${#name}</c>), or without positional arguments <c>$1</c>/<c>${1}</c>.</summary>
        private static bool ReadsChangedParameter(string literal, int dollar, bool hasPositionalArguments)
        {
            var braced = literal[dollar + 1] == '{';
            if (braced && dollar + 2 >= literal.Length)
            {
                return false;
            }
            var next = braced ? literal[dollar + 2] : literal[dollar + 1];
            if (next is '@' or '*')
            {
                return true;
            }
            if (next == '#')
            {
                return !braced || (dollar + 3 < literal.Length && literal[dollar + 3] == '}');
            }
            return char.IsDigit(next) && !hasPositionalArguments;
        }
    }
}
