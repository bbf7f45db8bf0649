using System;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.Kubernetes;

/// <summary>Loading a job or pod spec's YAML with its positions, and reading it without assuming its shape.</summary>
internal static class YamlSpecText
{
    /// <summary>
    /// The parsed stream, or null after telling <paramref name="syntaxError"/> where the fault is and what to change
    /// (<see cref="YamlSyntaxErrors"/>). Never throws for any text.
    /// </summary>
    public static YamlStream? Load(string text, Action<Mark, Mark, string> syntaxError)
    {
        var (stream, error) = Parse(text);
        if (error is not null)
        {
            var explained = YamlSyntaxErrors.Explain(text, error);
            syntaxError(explained.Start, explained.End, explained.Message);
        }
        return stream;
    }

    /// <summary>The stream, or why YamlDotNet cannot load <paramref name="text"/>.</summary>
    private static (YamlStream? Stream, Exception? Error) Parse(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
            return (stream, null);
        }
        catch (YamlException syntax)
        {
            return (null, syntax);
        }
        catch (Exception unexpected) when (unexpected is not OperationCanceledException)
        {
            // YamlDotNet fails with InvalidOperationException instead of a YamlException on some malformed input that
            // ends without a line break (e.g. "kind: [Job"). With one appended, the same error is often a YamlException
            // with its position; the appended character cannot move any position inside the text.
            return (null, !text.EndsWith("\n", StringComparison.Ordinal) && Parse(text + "\n").Error is YamlException withPosition ? withPosition : unexpected);
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
}
