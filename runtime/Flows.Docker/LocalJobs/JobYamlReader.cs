using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Flows.Docker.LocalJobs;

/// <summary>
/// Reads a Job (or Pod) manifest, YAML or JSON, into JSON the way the API server reads it (sigs.k8s.io/yaml,
/// YAML 1.1 plain scalars): quoted scalars and <c>!!str</c> are strings; plain <c>true</c>/<c>yes</c>/<c>on</c>...
/// are booleans, plain numbers numbers, plain <c>~</c>/<c>null</c>/empty null; everything else a string.
/// So <c>value: 8080</c> stays a number here, as it would for kubectl, and the pod reader can say it must be quoted.
/// </summary>
public static partial class JobYamlReader
{
    /// <summary>The Job or Pod in <paramref name="text"/>: the only document, or the only one of kind Job or Pod among several.</summary>
    /// <exception cref="InvalidLocalJobException">Not YAML, no object, or not exactly one Job or Pod.</exception>
    public static JsonObject Read(string text, string source)
    {
        var documents = new List<JsonNode?>();
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            foreach (var document in stream.Documents)
            {
                documents.Add(ToJson(document.RootNode));
            }
        }
        catch (YamlException invalid)
        {
            throw new InvalidLocalJobException(source, [$"not valid YAML at line {invalid.Start.Line}, column {invalid.Start.Column}: {invalid.Message}"]);
        }
        catch (Exception invalid) when (invalid is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet reports a duplicate key, and some malformed input, without a position.
            throw new InvalidLocalJobException(source, [$"not valid YAML: {invalid.Message}"]);
        }
        var objects = documents.OfType<JsonObject>().ToList();
        if (objects.Count == 0)
        {
            throw new InvalidLocalJobException(source, ["no Job in it (expected a YAML or JSON object with kind: Job, as 'render' prints it)."]);
        }
        if (objects.Count == 1)
        {
            return objects[0];
        }
        var runnable = objects.Where(o => o["kind"] is JsonValue kind && kind.GetValueKind() == System.Text.Json.JsonValueKind.String && (string)kind! is "Job" or "Pod").ToList();
        return runnable.Count == 1
            ? runnable[0]
            : throw new InvalidLocalJobException(source, [$"{objects.Count} documents and {runnable.Count} of them of kind Job or Pod: give one Job."]);
    }

    /// <summary>The JSON value of one YAML node.</summary>
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => Mapping(mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonObject Mapping(YamlMappingNode mapping)
    {
        var json = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            // A later duplicate key wins, as with the API server's decoder.
            json[(key as YamlScalarNode)?.Value ?? key.ToString()] = ToJson(value);
        }
        return json;
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        var tagged = !scalar.Tag.IsEmpty && scalar.Tag.Value != "!";
        if (scalar.Style != ScalarStyle.Plain || (tagged && scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            return JsonValue.Create(value);
        }
        if (Null().IsMatch(value))
        {
            return null;
        }
        if (True().IsMatch(value))
        {
            return JsonValue.Create(true);
        }
        if (False().IsMatch(value))
        {
            return JsonValue.Create(false);
        }
        if (Integer(value) is { } integer)
        {
            return integer;
        }
        if (Float().IsMatch(value) && double.TryParse(value.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return JsonValue.Create(number);
        }
        return JsonValue.Create(value);
    }

    /// <summary>A plain integer: decimal, or 0x hex, 0b binary, 0o or leading-0 octal (as go-yaml reads them); else null.</summary>
    private static JsonNode? Integer(string value)
    {
        var text = value.Replace("_", "");
        var negative = text.StartsWith('-');
        var digits = text.TrimStart('-', '+');
        if (text.Length - digits.Length > 1)
        {
            return null;
        }
        var (body, radix) = digits switch
        {
            _ when Decimal().IsMatch(digits) => (digits, 10),
            _ when digits.StartsWith("0x", StringComparison.Ordinal) => (digits[2..], 16),
            _ when digits.StartsWith("0b", StringComparison.Ordinal) => (digits[2..], 2),
            _ when digits.StartsWith("0o", StringComparison.Ordinal) => (digits[2..], 8),
            _ when digits.Length > 1 && digits[0] == '0' => (digits[1..], 8),
            _ => ("", 0),
        };
        if (body.Length == 0 || !body.All(c => Uri.IsHexDigit(c) && Convert.ToInt32(c.ToString(), 16) < radix))
        {
            return null;
        }
        try
        {
            long result = 0;
            foreach (var c in body)
            {
                result = checked(result * radix + Convert.ToInt32(c.ToString(), 16));
            }
            return JsonValue.Create(negative ? -result : result);
        }
        catch (OverflowException)
        {
            return radix == 10 && decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big) ? JsonValue.Create(big) : JsonValue.Create(value);
        }
    }

    [GeneratedRegex("^(~|null|Null|NULL|)$")]
    private static partial Regex Null();

    [GeneratedRegex("^(true|True|TRUE|y|Y|yes|Yes|YES|on|On|ON)$")]
    private static partial Regex True();

    [GeneratedRegex("^(false|False|FALSE|n|N|no|No|NO|off|Off|OFF)$")]
    private static partial Regex False();

    [GeneratedRegex("^(0|[1-9][0-9]*)$")]
    private static partial Regex Decimal();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
