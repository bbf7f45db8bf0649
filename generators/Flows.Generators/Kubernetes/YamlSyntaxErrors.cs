using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Flows.Generators.Kubernetes;

/// <summary>One YAML syntax error: where the fault is (1-based line and column, 0-based index) and what to change.</summary>
internal readonly record struct YamlSyntaxError(Mark Start, Mark End, string Message);

/// <summary>
/// Turns YamlDotNet's failure on a job or pod spec into the fault's own position and a message that says what to change.
/// The parser often stops away from the fault (a tab is reported at the start of its mapping, an unclosed '[' at the end
/// of the file, a missing ':' on the next line), so this reads the text around the parser's mark, and scans the text
/// for the shapes it knows: a tab in the indentation, an unclosed quote or flow collection, a duplicate key, an entry
/// indented to no level above it, a key without ':'. Anything else keeps the parser's message. It never throws.
/// </summary>
internal static class YamlSyntaxErrors
{
    public static YamlSyntaxError Explain(string text, Exception error)
    {
        var yaml = error as YamlException;
        var fallback = Fallback(text, yaml);
        try
        {
            return new Explainer(text).Explain(yaml) ?? fallback;
        }
        catch (Exception unexpected) when (unexpected is not OperationCanceledException)
        {
            return fallback;
        }
    }

    /// <summary>The parser's own message at its mark; for an error without one (YamlDotNet's InvalidOperationException), the end of the file.</summary>
    private static YamlSyntaxError Fallback(string text, YamlException? yaml)
    {
        if (yaml is null)
        {
            var end = new Explainer(text).MarkAt(text.Length);
            return new YamlSyntaxError(end, end, "the file ends inside an unfinished value: is a '[', '{' or quote not closed?");
        }
        return new YamlSyntaxError(yaml.Start, yaml.End, ParserMessage(yaml.Message));
    }

    /// <summary>YamlDotNet's message without its "(Line: 1, Col: 1, Idx: 0) - (...): " prefix, on one line.</summary>
    internal static string ParserMessage(string message)
    {
        var text = message;
        var close = text.IndexOf("): ", StringComparison.Ordinal);
        if (text.StartsWith("(", StringComparison.Ordinal) && close > 0)
        {
            text = text.Substring(close + 3);
        }
        var newline = text.IndexOf('\n');
        return newline < 0 ? text : text.Substring(0, newline);
    }

    private sealed class Explainer
    {
        private readonly string _text;
        private readonly List<Line> _lines = new();

        public Explainer(string text)
        {
            _text = text;
            var start = 0;
            var inBlockScalar = false;
            var blockIndent = -1;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && text[i] != '\n')
                {
                    continue;
                }
                var end = i > start && text[i - 1] == '\r' ? i - 1 : i;
                var line = new Line(_lines.Count + 1, start, text.Substring(start, end - start));
                // Lines of a block scalar (after 'key: |' or '- >') are text, not YAML: no tabs, quotes or brackets to find there.
                if (inBlockScalar && (line.IsBlank || line.Indent > blockIndent))
                {
                    line.IsBlockScalarText = true;
                }
                else
                {
                    inBlockScalar = false;
                    if (line.OpensBlockScalar)
                    {
                        inBlockScalar = true;
                        // Its text is indented more than the key that holds it ('  key: |'), or than its '-' ('  - |').
                        blockIndent = line.KeyAt(line.KeyColumn, out _) is not null ? line.KeyColumn : line.Indent;
                    }
                }
                _lines.Add(line);
                start = i + 1;
            }
        }

        public YamlSyntaxError? Explain(YamlException? yaml)
        {
            var message = yaml?.Message ?? "";
            if (yaml is null)
            {
                return UnclosedFlow() ?? UnclosedQuote() ?? DuplicateKey(null);
            }
            if (message.IndexOf("Duplicate key", StringComparison.Ordinal) >= 0)
            {
                return DuplicateKey(yaml);
            }
            if (message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return Tab(yaml.Start.Index);
            }
            if (message.IndexOf("quoted scalar", StringComparison.Ordinal) >= 0)
            {
                return message.IndexOf("escape", StringComparison.Ordinal) >= 0 ? UnknownEscape(yaml.Start.Index) : QuoteAt(yaml.Start.Index) ?? UnclosedQuote();
            }
            if (message.IndexOf("cannot start any token", StringComparison.Ordinal) >= 0)
            {
                return ReservedIndicator(yaml.Start.Index);
            }
            if (message.IndexOf("flow sequence", StringComparison.Ordinal) >= 0 || message.IndexOf("flow mapping", StringComparison.Ordinal) >= 0)
            {
                return UnclosedFlow();
            }
            if (yaml is AnchorNotFoundException)
            {
                return UnknownAlias(message);
            }
            var line = LineAt(yaml.Start.Index);
            if (message.IndexOf("multiline plain scalar", StringComparison.Ordinal) >= 0)
            {
                return KeyWithoutColonAbove(line) ?? IndentedUnderValue(line) ?? UnclosedFlow();
            }
            if (message.IndexOf("found invalid mapping", StringComparison.Ordinal) >= 0)
            {
                return IndentedUnderValue(line) ?? ColonInValue(line, yaml.Start.Index) ?? UnclosedFlow();
            }
            if (message.IndexOf("did not find expected key", StringComparison.Ordinal) >= 0
                || message.IndexOf("did not find expected '-' indicator", StringComparison.Ordinal) >= 0
                || message.IndexOf("could not find expected ':'", StringComparison.Ordinal) >= 0)
            {
                return QuoteAt(yaml.Start.Index) ?? StrayCloser(yaml.Start.Index) ?? KeyWithoutColon(line) ?? BadIndentation(line) ?? UnclosedFlow();
            }
            return QuoteAt(yaml.Start.Index) ?? StrayCloser(yaml.Start.Index) ?? UnclosedFlow();
        }

        // ---- the shapes ----

        /// <summary>The first tab in an indentation at or after the parser's mark (it reports the start of the mapping), else anywhere.</summary>
        private YamlSyntaxError? Tab(long from)
        {
            var tab = _lines.Where(l => !l.IsBlockScalarText && l.IndentationTab >= 0).Select(l => l.Start + l.IndentationTab).ToList();
            if (tab.Count == 0)
            {
                return null;
            }
            var index = tab.Where(i => i >= from).DefaultIfEmpty(tab[0]).First();
            var line = LineAt(index);
            return Error(index, index + 1, $"replace the tab on line {line.Number} with spaces (YAML indents with spaces only)");
        }

        private YamlSyntaxError? QuoteAt(long index)
        {
            if (index < 0 || index >= _text.Length || _text[(int)index] is not ('"' or '\''))
            {
                return null;
            }
            var line = LineAt(index);
            // A string closed on its own line is not the one the parser could not finish.
            return ClosingQuote(line.Content, (int)(index - line.Start)) >= 0 ? null : UnclosedQuoteError((int)index);
        }

        /// <summary>'"\q"': a backslash that starts no YAML escape in a double-quoted string.</summary>
        private YamlSyntaxError? UnknownEscape(long quote)
        {
            if (quote < 0 || quote >= _text.Length || _text[(int)quote] != '"')
            {
                return null;
            }
            for (var i = (int)quote + 1; i + 1 < _text.Length && _text[i] != '"'; i++)
            {
                if (_text[i] != '\\')
                {
                    continue;
                }
                if ("0abt\tnvfre \"/\\N_LPxuU\r\n".IndexOf(_text[i + 1]) < 0)
                {
                    return Error(i, i + 2,
                        $"'\\{_text[i + 1]}' on line {LineAt(i).Number} is not an escape of a double-quoted string: write '\\\\' for a backslash, or use single quotes, in which a backslash is just a backslash");
                }
                i++;
            }
            return null;
        }

        /// <summary>A ']' or '}' outside any flow collection.</summary>
        private YamlSyntaxError? StrayCloser(long index)
        {
            if (index < 0 || index >= _text.Length || _text[(int)index] is not (']' or '}') || UnclosedFlow() is not null)
            {
                return null;
            }
            var opener = _text[(int)index] == ']' ? '[' : '{';
            return Error(index, index + 1, $"the '{_text[(int)index]}' on line {LineAt(index).Number} closes no '{opener}': remove it, or quote the value it belongs to");
        }

        /// <summary>'kind: @Job': '@' and '`' are reserved and cannot start a plain value.</summary>
        private YamlSyntaxError? ReservedIndicator(long index)
        {
            if (index < 0 || index >= _text.Length || _text[(int)index] is not ('@' or '`'))
            {
                return null;
            }
            var line = LineAt(index);
            var value = line.Content.Substring((int)(index - line.Start)).TrimEnd();
            return Error(index, index + 1,
                $"a value cannot start with '{_text[(int)index]}' (line {line.Number}), which YAML reserves: quote it (\"{value.Replace("\"", "\\\"")}\")");
        }

        private YamlSyntaxError UnclosedQuoteError(int index)
        {
            var quote = _text[index];
            var kind = quote == '"' ? "double-quoted" : "single-quoted";
            return Error(index, index + 1, $"the {kind} string that starts on line {LineAt(index).Number} is never closed: add the closing {quote}");
        }

        /// <summary>The first quote that opens a value and is not closed on its line (for an error without a mark).</summary>
        private YamlSyntaxError? UnclosedQuote()
        {
            foreach (var line in _lines.Where(l => !l.IsBlockScalarText && !l.IsBlank))
            {
                Scan(line, (_, _) => false, out var unclosedQuote);
                if (unclosedQuote >= 0)
                {
                    return UnclosedQuoteError(line.Start + unclosedQuote);
                }
            }
            return null;
        }

        /// <summary>The innermost '[' or '{' that is never closed, or that a ']' or '}' of the other kind meets.</summary>
        private YamlSyntaxError? UnclosedFlow()
        {
            var open = new Stack<int>();
            int? unclosed = null;
            foreach (var line in _lines.Where(l => !l.IsBlockScalarText && !l.IsBlank))
            {
                Scan(line, (c, index) =>
                {
                    if (c is '[' or '{')
                    {
                        open.Push(line.Start + index);
                    }
                    else if (open.Count > 0)
                    {
                        var opener = _text[open.Peek()];
                        if ((opener == '[' && c == ']') || (opener == '{' && c == '}'))
                        {
                            open.Pop();
                        }
                        else
                        {
                            unclosed = open.Peek();
                            return true;
                        }
                    }
                    return false;
                }, out _, inFlow: () => open.Count > 0);
                if (unclosed is not null)
                {
                    break;
                }
            }
            unclosed ??= open.Count > 0 ? open.Peek() : null;
            if (unclosed is not { } at)
            {
                return null;
            }
            var bracket = _text[at];
            var (what, closing) = bracket == '[' ? ("list", ']') : ("mapping", '}');
            return Error(at, at + 1, $"the '{bracket}' that opens a {what} on line {LineAt(at).Number} is never closed: add the closing '{closing}'");
        }

        private YamlSyntaxError? DuplicateKey(YamlException? yaml)
        {
            if (yaml is null)
            {
                return null;
            }
            var line = LineAt(yaml.Start.Index);
            var key = line.KeyAt((int)(yaml.Start.Index - line.Start), out _);
            key ??= yaml.Message.StartsWith("Duplicate key ", StringComparison.Ordinal) ? yaml.Message.Substring("Duplicate key ".Length) : null;
            if (key is null)
            {
                return null;
            }
            var first = FirstKeyOfMapping(line, (int)(yaml.Start.Index - line.Start), key);
            var where = first is null ? "" : $" (first on line {first.Number})";
            return new YamlSyntaxError(yaml.Start, yaml.End, $"key '{key}' appears twice in this mapping{where}: remove one");
        }

        /// <summary>The earlier line of the same block mapping with <paramref name="key"/> at <paramref name="column"/>; for a flow mapping, the same line.</summary>
        private Line? FirstKeyOfMapping(Line duplicate, int column, string key)
        {
            if (duplicate.KeyColumn != column)
            {
                // A flow mapping ({a: 1, a: 2}): the first is earlier on the line.
                var earlier = new Regex(@"[{,]\s*[""']?" + Regex.Escape(key) + @"[""']?\s*:", RegexOptions.CultureInvariant);
                return earlier.IsMatch(duplicate.Content.Substring(0, column)) ? duplicate : null;
            }
            if (duplicate.IsSequenceEntry)
            {
                return null; // '- key:' starts its mapping.
            }
            for (var i = duplicate.Number - 2; i >= 0; i--)
            {
                var line = _lines[i];
                if (line.IsBlank || line.IsComment || line.IsBlockScalarText)
                {
                    continue;
                }
                if (line.KeyColumn < column)
                {
                    return null;
                }
                if (line.KeyColumn == column)
                {
                    if (line.KeyAt(column, out _) == key)
                    {
                        return line;
                    }
                    if (line.IsSequenceEntry)
                    {
                        return null;
                    }
                }
            }
            return null;
        }

        private YamlSyntaxError? UnknownAlias(string message)
        {
            var name = Between(message, "anchor '", "'");
            if (name is null)
            {
                return null;
            }
            var index = _text.IndexOf("*" + name, StringComparison.Ordinal);
            if (index < 0)
            {
                return null;
            }
            return Error(index, index + 1 + name.Length,
                $"the alias '*{name}' on line {LineAt(index).Number} refers to no anchor: define '&{name}' on a value before it, or write the value itself");
        }

        /// <summary>'kind Job' or a lone 'labels' where a 'key: value' entry is expected.</summary>
        private YamlSyntaxError? KeyWithoutColon(Line line)
        {
            if (line.IsBlank || line.IsComment || line.IsSequenceEntry || line.KeyAt(line.KeyColumn, out _) is not null)
            {
                return null;
            }
            var text = line.Content.Substring(line.KeyColumn).TrimEnd();
            var comment = text.IndexOf(" #", StringComparison.Ordinal);
            if (comment >= 0)
            {
                text = text.Substring(0, comment).TrimEnd();
            }
            if (text.Length == 0 || text[0] is '[' or '{' or '"' or '\'' or '-' or '#')
            {
                return null;
            }
            // The line must sit where the mapping's keys are: at the indentation of a key above it, or the first key.
            var space = text.IndexOf(' ');
            var key = space < 0 ? text : text.Substring(0, space);
            var value = space < 0 ? "" : " " + text.Substring(space + 1).TrimStart();
            var start = line.Start + line.KeyColumn;
            return Error(start, start + key.Length, $"the key '{key}' on line {line.Number} has no ':' after it: write '{key}:{value}'");
        }

        /// <summary>A multi-line plain scalar ran from a key without ':' on an earlier line into the next entry.</summary>
        private YamlSyntaxError? KeyWithoutColonAbove(Line line)
        {
            for (var i = line.Number - 2; i >= 0; i--)
            {
                var above = _lines[i];
                if (above.IsBlank || above.IsComment)
                {
                    continue;
                }
                return KeyWithoutColon(above);
            }
            return null;
        }

        /// <summary>'labels:' indented under 'name: a', whose value is already given.</summary>
        private YamlSyntaxError? IndentedUnderValue(Line line)
        {
            var above = ContentLineAbove(line);
            if (above is null || line.Indent <= above.KeyColumn || line.KeyAt(line.KeyColumn, out var keyEnd) is not { } key
                || above.KeyAt(above.KeyColumn, out var aboveKeyEnd) is not { } aboveKey || above.ValueAfter(aboveKeyEnd).Length == 0)
            {
                return null;
            }
            var start = line.Start + line.KeyColumn;
            return Error(start, line.Start + keyEnd,
                $"'{key}' on line {line.Number} is indented more than '{aboveKey}' on line {above.Number}, which already has a value: indent it by {Spaces(above.KeyColumn)} like '{aboveKey}'");
        }

        /// <summary>'name: a: b': a plain value with ': ' in it.</summary>
        private YamlSyntaxError? ColonInValue(Line line, long mark)
        {
            if (line.KeyAt(line.KeyColumn, out var keyEnd) is not { } key)
            {
                return null;
            }
            var value = line.ValueAfter(keyEnd);
            if (value.IndexOf(": ", StringComparison.Ordinal) < 0 && !value.EndsWith(":", StringComparison.Ordinal))
            {
                return null;
            }
            var start = line.Content.IndexOf(value, keyEnd, StringComparison.Ordinal);
            return Error(line.Start + start, line.Start + start + value.Length,
                $"the value of '{key}' on line {line.Number} contains ': ', which YAML reads as a new key: quote the value ({key}: \"{value.Replace("\"", "\\\"")}\")");
        }

        /// <summary>A mapping or list entry indented to no level of the entries above it.</summary>
        private YamlSyntaxError? BadIndentation(Line line)
        {
            if (line.IsBlank || line.IsComment)
            {
                return null;
            }
            var levels = new List<(int Column, Line Line)>();
            var limit = int.MaxValue;
            for (var i = line.Number - 2; i >= 0 && limit > 0; i--)
            {
                var above = _lines[i];
                if (above.IsBlank || above.IsComment || above.IsBlockScalarText)
                {
                    continue;
                }
                // A line offers its key's column (and the column of each '-' before it) as levels, if they are left of the lines below it.
                foreach (var column in above.Levels().Reverse())
                {
                    if (column < limit)
                    {
                        levels.Add((column, above));
                        limit = column;
                    }
                }
            }
            var indent = line.Indent;
            var entry = line.IsSequenceEntry ? "list entry" : line.KeyAt(line.KeyColumn, out _) is { } key ? $"'{key}'" : null;
            if (entry is null)
            {
                return null;
            }
            var start = line.Start + indent;
            var end = line.IsSequenceEntry ? start + 1 : line.Start + line.KeyEnd();
            var match = levels.Where(l => l.Column == indent).Select(l => l.Line).FirstOrDefault();
            if (match is null)
            {
                // A key lines up with keys; a list entry with list entries or keys.
                var candidates = line.IsSequenceEntry ? levels : levels.Where(l => l.Line.KeyColumn == l.Column).ToList();
                var deeper = candidates.LastOrDefault(l => l.Column > indent);
                var shallower = candidates.FirstOrDefault(l => l.Column < indent);
                var like = new List<string>();
                if (line.IsSequenceEntry)
                {
                    var sibling = levels.Where(l => l.Line.IsSequenceEntry && l.Line.Indent == l.Column).Select(l => l.Line).FirstOrDefault();
                    if (sibling is not null)
                    {
                        return Error(start, end,
                            $"the list entry on line {line.Number} is indented by {Spaces(indent)}, but the entry on line {sibling.Number} by {Spaces(sibling.Indent)}: indent the entries of a list alike");
                    }
                }
                if (deeper.Line is not null)
                {
                    like.Add($"by {Spaces(deeper.Column)} like {Describe(deeper.Line, deeper.Column)} on line {deeper.Line.Number}");
                }
                if (shallower.Line is not null)
                {
                    like.Add($"by {Spaces(shallower.Column)} like {Describe(shallower.Line, shallower.Column)} on line {shallower.Line.Number}");
                }
                return Error(start, end,
                    $"{Capitalized(entry)} on line {line.Number} is indented by {Spaces(indent)}, which lines up with no entry above it: indent it " + string.Join(", or ", like));
            }
            if (line.IsSequenceEntry && !(match.IsSequenceEntry && match.Indent == indent))
            {
                return Error(start, end,
                    $"the list entry on line {line.Number} stands among the keys of a mapping ({Describe(match, indent)} on line {match.Number}): indent it under the key it belongs to, which has no value on its line");
            }
            if (!line.IsSequenceEntry && match.IsSequenceEntry && match.Indent == indent && match.KeyColumn != indent)
            {
                return Error(start, end,
                    $"{entry} on line {line.Number} is indented like the list entries above it (line {match.Number}): make it a list entry ('- {line.Content.Substring(indent).Trim()}'), or indent it like the key that holds the list");
            }
            return null;
        }

        // ---- text helpers ----

        /// <summary>
        /// Walks the YAML indicators of <paramref name="line"/> outside quotes and comments: calls <paramref name="indicator"/>
        /// with each '[', '{' that opens a value and each ']', '}' (until it returns true). Reports a quote that opens a value and
        /// does not close on the line.
        /// </summary>
        private static bool Scan(Line line, Func<char, int, bool> indicator, out int unclosedQuote, Func<bool>? inFlow = null)
        {
            unclosedQuote = -1;
            var content = line.Content;
            var valueStart = true;
            for (var i = line.Indent; i < content.Length; i++)
            {
                var c = content[i];
                var flow = inFlow?.Invoke() ?? false;
                if (c == ' ')
                {
                    continue;
                }
                if (c == '#' && (i == 0 || content[i - 1] == ' '))
                {
                    return false;
                }
                if (valueStart && c is '"' or '\'')
                {
                    var close = ClosingQuote(content, i);
                    if (close < 0)
                    {
                        unclosedQuote = i;
                        return false;
                    }
                    i = close;
                    valueStart = false;
                    continue;
                }
                if ((valueStart || flow) && c is '[' or '{')
                {
                    if (indicator(c, i))
                    {
                        return true;
                    }
                    valueStart = true;
                    continue;
                }
                if (flow && c is ']' or '}')
                {
                    if (indicator(c, i))
                    {
                        return true;
                    }
                    continue;
                }
                if (flow && c == ',')
                {
                    valueStart = true;
                    continue;
                }
                if ((c == ':' && (i + 1 == content.Length || content[i + 1] == ' ' || (flow && content[i + 1] is ',' or ']' or '}')))
                    || (c is '-' or '?' && valueStart && (i + 1 == content.Length || content[i + 1] == ' ')))
                {
                    valueStart = true;
                    continue;
                }
                valueStart = false;
            }
            return false;
        }

        private static int ClosingQuote(string content, int open)
        {
            var quote = content[open];
            for (var i = open + 1; i < content.Length; i++)
            {
                if (quote == '"' && content[i] == '\\')
                {
                    i++;
                }
                else if (content[i] == quote)
                {
                    if (quote == '\'' && i + 1 < content.Length && content[i + 1] == '\'')
                    {
                        i++;
                        continue;
                    }
                    return i;
                }
            }
            return -1;
        }

        private Line? ContentLineAbove(Line line)
        {
            for (var i = line.Number - 2; i >= 0; i--)
            {
                if (!_lines[i].IsBlank && !_lines[i].IsComment && !_lines[i].IsBlockScalarText)
                {
                    return _lines[i];
                }
            }
            return null;
        }

        private static string Describe(Line line, int column) =>
            line.KeyColumn == column && line.KeyAt(column, out _) is { } key ? $"'{key}'" : line.IsSequenceEntry ? "the list entry" : "the entry";

        private static string Spaces(int count) => count == 0 ? "0 spaces" : count == 1 ? "1 space" : count.ToString(CultureInfo.InvariantCulture) + " spaces";

        private static string Capitalized(string text) => text.Length == 0 || text[0] == '\'' ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

        private static string? Between(string text, string before, string after)
        {
            var start = text.IndexOf(before, StringComparison.Ordinal);
            if (start < 0)
            {
                return null;
            }
            start += before.Length;
            var end = text.IndexOf(after, start, StringComparison.Ordinal);
            return end < 0 ? null : text.Substring(start, end - start);
        }

        public Line LineAt(long index)
        {
            var line = _lines[0];
            foreach (var candidate in _lines)
            {
                if (candidate.Start > index)
                {
                    break;
                }
                line = candidate;
            }
            return line;
        }

        public Mark MarkAt(long index)
        {
            var line = LineAt(index);
            return new Mark(index, line.Number, index - line.Start + 1);
        }

        private YamlSyntaxError Error(long start, long end, string message) => new(MarkAt(start), MarkAt(Math.Max(start, end)), message);
    }

    private sealed class Line
    {
        /// <summary>'key: |', 'key: >-', '- |2': the line ends with a block scalar's indicator.</summary>
        private static readonly Regex BlockScalarIndicator = new(@"(?:(?:^|\s)-|:)\s+[|>][-+0-9]*$", RegexOptions.CultureInvariant);

        public Line(int number, int start, string content)
        {
            Number = number;
            Start = start;
            Content = content;
            while (Indent < content.Length && content[Indent] == ' ')
            {
                Indent++;
            }
            IndentationTab = -1;
            for (var i = 0; i < content.Length && content[i] is ' ' or '\t' or '-'; i++)
            {
                // A tab before the first character of an entry (also after '- ', where YAML counts it as indentation of the mapping).
                if (content[i] == '\t')
                {
                    IndentationTab = i;
                    break;
                }
                if (content[i] == '-' && i + 1 < content.Length && content[i + 1] is not (' ' or '\t'))
                {
                    break;
                }
            }
            if (IndentationTab >= 0 && content.Substring(IndentationTab).Trim().Length == 0)
            {
                IndentationTab = -1; // trailing whitespace of a blank line.
            }
            KeyColumn = Indent;
            while (KeyColumn < content.Length && content[KeyColumn] == '-' && (KeyColumn + 1 == content.Length || content[KeyColumn + 1] == ' '))
            {
                IsSequenceEntry = true;
                KeyColumn++;
                while (KeyColumn < content.Length && content[KeyColumn] == ' ')
                {
                    KeyColumn++;
                }
            }
            var trimmed = content.TrimEnd();
            var comment = trimmed.IndexOf(" #", StringComparison.Ordinal);
            if (comment >= 0)
            {
                trimmed = trimmed.Substring(0, comment).TrimEnd();
            }
            OpensBlockScalar = BlockScalarIndicator.IsMatch(trimmed);
        }

        public int Number { get; }
        public int Start { get; }
        public string Content { get; }
        public int Indent { get; }
        /// <summary>The column (0-based) of a tab in the indentation, or -1.</summary>
        public int IndentationTab { get; }
        /// <summary>The column (0-based) where the entry's key would start: after the indentation and any '- '.</summary>
        public int KeyColumn { get; }
        public bool IsSequenceEntry { get; }
        public bool OpensBlockScalar { get; }
        public bool IsBlockScalarText { get; set; }
        public bool IsBlank => Content.Trim().Length == 0;
        public bool IsComment => Content.TrimStart().StartsWith("#", StringComparison.Ordinal);

        /// <summary>The key of a 'key: value' (or 'key:') entry starting at <paramref name="column"/>, or null; <paramref name="keyEnd"/> is the column after it.</summary>
        public string? KeyAt(int column, out int keyEnd)
        {
            keyEnd = column;
            if (column >= Content.Length)
            {
                return null;
            }
            if (Content[column] is '"' or '\'')
            {
                var close = Content.IndexOf(Content[column], column + 1);
                if (close < 0)
                {
                    return null;
                }
                var after = close + 1;
                while (after < Content.Length && Content[after] == ' ')
                {
                    after++;
                }
                if (after < Content.Length && Content[after] == ':')
                {
                    keyEnd = close + 1;
                    return Content.Substring(column + 1, close - column - 1);
                }
                return null;
            }
            if (Content[column] is '[' or '{' or '#' or '&' or '*' or '!' or '|' or '>')
            {
                return null;
            }
            for (var i = column; i < Content.Length; i++)
            {
                if (Content[i] == ':' && (i + 1 == Content.Length || Content[i + 1] is ' ' or '\t'))
                {
                    keyEnd = i;
                    while (keyEnd > column && Content[keyEnd - 1] == ' ')
                    {
                        keyEnd--;
                    }
                    return Content.Substring(column, keyEnd - column);
                }
                if (Content[i] == '#' && i > 0 && Content[i - 1] == ' ')
                {
                    return null;
                }
            }
            return null;
        }

        /// <summary>The column after the key, or the end of the content when the line has no key.</summary>
        public int KeyEnd() => KeyAt(KeyColumn, out var end) is not null ? end : Content.TrimEnd().Length;

        /// <summary>The plain value after the key ending at <paramref name="keyEnd"/>, without a comment; "" when the key has none on its line.</summary>
        public string ValueAfter(int keyEnd)
        {
            var colon = Content.IndexOf(':', keyEnd);
            if (colon < 0)
            {
                return "";
            }
            var value = Content.Substring(colon + 1).Trim();
            var comment = value.StartsWith("#", StringComparison.Ordinal) ? 0 : value.IndexOf(" #", StringComparison.Ordinal);
            return comment >= 0 ? value.Substring(0, comment).TrimEnd() : value;
        }

        /// <summary>The columns where entries below this line may line up: each '-' and the key.</summary>
        public IEnumerable<int> Levels()
        {
            for (var i = Indent; i < KeyColumn; i++)
            {
                if (Content[i] == '-')
                {
                    yield return i;
                }
            }
            if (KeyColumn < Content.Length)
            {
                yield return KeyColumn;
            }
        }
    }
}
