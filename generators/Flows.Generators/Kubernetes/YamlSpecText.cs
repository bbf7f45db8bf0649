using System;
using System.Collections.Generic;
using System.Threading;
using Flows.Generators.Core;
using Flows.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.Kubernetes;

/// <summary>Why the bounded loader refused YAML that parses (see <see cref="BoundedYaml"/>).</summary>
internal enum YamlRefusal
{
    /// <summary>Over a size, depth or alias-expansion limit, or an alias inside its own anchor (FLOW080).</summary>
    OverLimit,

    /// <summary>YAML that kubectl cannot convert to JSON: a bad merge key, .inf/.nan, a collection or null as a key (FLOW081).</summary>
    WithoutJson,
}

/// <summary>Loading a job or pod spec's YAML with its positions, and reading it without assuming its shape.</summary>
internal static class YamlSpecText
{
    /// <summary>
    /// The parsed stream (merge keys applied), or null after telling <paramref name="syntaxError"/> where the fault is
    /// and what to change (<see cref="YamlSyntaxErrors"/>), or <paramref name="refused"/> (when given; else
    /// <paramref name="syntaxError"/>) why the text is not loaded. Never throws for any text, but
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public static YamlStream? Load(string text, Action<Mark, Mark, string> syntaxError, Action<YamlRefusal, Mark, Mark, string>? refused = null, CancellationToken cancellationToken = default)
    {
        var (stream, error) = Parse(text, cancellationToken);
        switch (error)
        {
            case null:
                break;
            case YamlLimitException overLimit:
                (refused ?? ((_, start, end, message) => syntaxError(start, end, message)))(YamlRefusal.OverLimit, overLimit.Start, overLimit.End, overLimit.Problem);
                break;
            case YamlWithoutJsonException withoutJson:
                (refused ?? ((_, start, end, message) => syntaxError(start, end, message)))(YamlRefusal.WithoutJson, withoutJson.Start, withoutJson.End, withoutJson.Problem);
                break;
            default:
                var explained = YamlSyntaxErrors.Explain(text, error);
                syntaxError(explained.Start, explained.End, explained.Message);
                break;
        }
        return stream;
    }

    /// <summary>The stream, or why YamlDotNet cannot load <paramref name="text"/>.</summary>
    private static (YamlStream? Stream, Exception? Error) Parse(string text, CancellationToken cancellationToken)
    {
        try
        {
            return (BoundedYaml.Load(text, cancellationToken), null);
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
            return (null, !text.EndsWith("\n", StringComparison.Ordinal) && text.Length < YamlLimits.Default.MaxCharacters
                && Parse(text + "\n", cancellationToken).Error is YamlException withPosition ? withPosition : unexpected);
        }
    }

    /// <summary>What <paramref name="node"/> is, in a message: list, mapping, null, number or boolean, or string.</summary>
    public static string ShapeOf(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "mapping",
        YamlScalarNode scalar when YamlJson.IsNull(scalar) => "null",
        YamlScalarNode scalar when YamlJson.AsString(scalar) is null => "number or boolean",
        _ => "string",
    };

    /// <summary>The <paramref name="fields"/> of <paramref name="mapping"/> that hold something: not missing, null, "", [] or {}.</summary>
    public static IReadOnlyList<(string Field, YamlNode Node)> WrittenFields(YamlMappingNode mapping, IEnumerable<string> fields)
    {
        var written = new List<(string, YamlNode)>();
        foreach (var field in fields)
        {
            var node = Child(mapping, field);
            var isEmpty = node is null || YamlJson.IsNull(node)
                || (node is YamlScalarNode scalar && string.IsNullOrEmpty(scalar.Value))
                || (node is YamlSequenceNode sequence && sequence.Children.Count == 0)
                || (node is YamlMappingNode fieldMapping && fieldMapping.Children.Count == 0);
            if (!isEmpty)
            {
                written.Add((field, node!));
            }
        }
        return written;
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
