using System;
using System.IO;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.Kubernetes;

/// <summary>Loading a job or pod spec's YAML with its positions, and reading it without assuming its shape.</summary>
internal static class YamlSpecText
{
    /// <summary>The parsed stream, or null after telling <paramref name="syntaxError"/> where and why parsing stopped.</summary>
    public static YamlStream? Load(string text, Action<Mark, Mark, string> syntaxError)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
            return stream;
        }
        catch (YamlException syntax)
        {
            syntaxError(syntax.Start, syntax.End, FirstLine(syntax.Message));
            return null;
        }
        catch (Exception unexpected) when (unexpected is not OperationCanceledException)
        {
            // YamlDotNet fails with InvalidOperationException instead of a YamlException on some malformed input that
            // ends without a line break (e.g. "kind: [Job"). With one appended, the same error is a YamlException
            // with its position; the appended character cannot move any position inside the text.
            if (!text.EndsWith("\n", StringComparison.Ordinal))
            {
                return Load(text + "\n", syntaxError);
            }
            var end = new Mark(text.Length, 1 + text.Count(c => c == '\n'), 1); // only Index places the diagnostic
            syntaxError(end, end, "the file ends inside an unfinished value: is a '[', '{' or quote not closed?");
            return null;
        }
    }

    /// <summary>The value of <paramref name="key"/> in <paramref name="mapping"/>; null when either is missing.</summary>
    public static YamlNode? Child(YamlMappingNode? mapping, string key)
    {
        if (mapping is null)
        {
            return null;
        }
        foreach (var entry in mapping.Children)
        {
            if (entry.Key is YamlScalarNode scalar && scalar.Value == key)
            {
                return entry.Value;
            }
        }
        return null;
    }

    private static string FirstLine(string message)
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
}
