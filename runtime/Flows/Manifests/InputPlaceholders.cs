using System.Collections.Generic;

namespace Flows.Manifests;

/// <summary>
/// The <c>{name}</c> placeholders of a container task's command, args and env values: <c>{name}</c> is the task's
/// input <c>name</c>, <c>{{</c> and <c>}}</c> are literal braces, and a <c>{</c> with no closing <c>}</c> is literal.
/// One reading of the grammar for the build-time check (this file is also compiled into the generator, for
/// netstandard2.0) and for expanding them when the Pod is built.
/// </summary>
#if FLOWS_GENERATOR
internal
#else
public
#endif
static class InputPlaceholders
{
    /// <summary>The template as literal text and placeholder names, in order.</summary>
    public static IEnumerable<(string Text, bool IsPlaceholder)> Parse(string template)
    {
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }
            var end = c == '{' ? template.IndexOf('}', i + 1) : -1;
            if (end < 0)
            {
                literal.Append(c);
                continue;
            }
            if (literal.Length > 0)
            {
                yield return (literal.ToString(), false);
                literal.Clear();
            }
            yield return (template.Substring(i + 1, end - i - 1), true);
            i = end;
        }
        if (literal.Length > 0)
        {
            yield return (literal.ToString(), false);
        }
    }

    /// <summary>Whether <paramref name="template"/> needs <see cref="Parse"/> at all: it has a brace.</summary>
    public static bool HasBraces(string template) => template.IndexOf('{') >= 0 || template.IndexOf('}') >= 0;
}
