using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.Kubernetes;

/// <summary>
/// Converts a YAML node to JSON text the way the API server reads YAML (YAML 1.1 plain scalars, as
/// sigs.k8s.io/yaml does): plain true/false/yes/no/on/off are booleans, plain numbers are numbers,
/// plain ~/null/empty are null, quoted scalars are strings.
/// </summary>
internal static class YamlJson
{
    private static readonly Regex Null = new("^(~|null|Null|NULL|)$");
    private static readonly Regex True = new("^(true|True|TRUE|y|Y|yes|Yes|YES|on|On|ON)$");
    private static readonly Regex False = new("^(false|False|FALSE|n|N|no|No|NO|off|Off|OFF)$");
    // YAML 1.1 integers as sigs.k8s.io/yaml (yaml.v2) reads them: underscores dropped, then Go's strconv.ParseInt with
    // base 0, so 0x1F is hexadecimal, 0o17 and 017 octal, 0b101 binary (kubectl sends 0644 as 420).
    private static readonly Regex Integer = new("^[-+]?(0|[1-9][0-9_]*|0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0[bB][01_]+)$");
    private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$");

    public static string ToJson(YamlNode node)
    {
        var json = new StringBuilder();
        Write(json, node);
        return json.ToString();
    }

    /// <summary>The scalar's string value when it is read as a string, else null.</summary>
    public static string? AsString(YamlNode? node) =>
        node is YamlScalarNode scalar && (!IsResolved(scalar) || ScalarKind(scalar.Value ?? "") == Kind.String) ? scalar.Value : null;

    /// <summary>True for a plain scalar that reads as null, or no node at all.</summary>
    public static bool IsNull(YamlNode? node) =>
        node is null || (node is YamlScalarNode scalar && IsResolved(scalar) && ScalarKind(scalar.Value ?? "") == Kind.Null);

    /// <summary>The JSON text this scalar becomes (<c>"text"</c>, <c>12</c>, <c>1.5</c>, <c>true</c>, <c>null</c>).</summary>
    public static string ScalarJson(YamlScalarNode scalar)
    {
        var json = new StringBuilder();
        WriteScalar(json, scalar);
        return json.ToString();
    }

    /// <summary>True for a plain scalar that reads as the boolean true (true, yes, on, ... as YAML 1.1 has them).</summary>
    public static bool IsTrue(YamlNode? node) =>
        node is YamlScalarNode scalar && IsResolved(scalar) && True.IsMatch(scalar.Value ?? "");

    /// <summary>A plain scalar's type comes from its text, unless it is tagged <c>!!str</c> (<c>value: !!str 8080</c> is a string).</summary>
    private static bool IsResolved(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && (scalar.Tag.IsEmpty || scalar.Tag.Value != "tag:yaml.org,2002:str");

    private enum Kind { Null, Boolean, Number, String }

    private static Kind ScalarKind(string value) =>
        Null.IsMatch(value) ? Kind.Null
        : True.IsMatch(value) || False.IsMatch(value) ? Kind.Boolean
        : Integer.IsMatch(value) || Float.IsMatch(value) ? Kind.Number
        : Kind.String;

    private static void Write(StringBuilder json, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                json.Append('{');
                var first = true;
                foreach (var entry in mapping.Children)
                {
                    if (!first) json.Append(',');
                    first = false;
                    WriteString(json, (entry.Key as YamlScalarNode)?.Value ?? "");
                    json.Append(':');
                    Write(json, entry.Value);
                }
                json.Append('}');
                break;
            case YamlSequenceNode sequence:
                json.Append('[');
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    if (i > 0) json.Append(',');
                    Write(json, sequence.Children[i]);
                }
                json.Append(']');
                break;
            case YamlScalarNode scalar:
                WriteScalar(json, scalar);
                break;
            default:
                json.Append("null");
                break;
        }
    }

    private static void WriteScalar(StringBuilder json, YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (!IsResolved(scalar))
        {
            WriteString(json, value);
            return;
        }
        switch (ScalarKind(value))
        {
            case Kind.Null:
                json.Append("null");
                break;
            case Kind.Boolean:
                json.Append(True.IsMatch(value) ? "true" : "false");
                break;
            case Kind.Number:
                var normalized = value.Replace("_", "");
                if (Integer.IsMatch(value) && TryParseInteger(normalized) is { } integer)
                {
                    json.Append(integer.ToString(CultureInfo.InvariantCulture));
                }
                else if (decimal.TryParse(normalized, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    json.Append(Integer.IsMatch(value) ? number.ToString("0", CultureInfo.InvariantCulture) : double.Parse(normalized, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                }
                else
                {
                    json.Append(double.Parse(normalized, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                }
                break;
            default:
                WriteString(json, value);
                break;
        }
    }

    /// <summary>Go's strconv.ParseInt(text, 0, 64): a sign, then a 0x, 0o, 0b or 0 (octal) prefix or decimal digits; null past 64 bits.</summary>
    private static long? TryParseInteger(string text)
    {
        var negative = text.StartsWith("-", System.StringComparison.Ordinal);
        var digits = text.TrimStart('-', '+');
        int radix;
        if (digits.Length > 2 && digits[0] == '0' && (digits[1] is 'x' or 'X'))
        {
            radix = 16;
            digits = digits.Substring(2);
        }
        else if (digits.Length > 2 && digits[0] == '0' && (digits[1] is 'o' or 'O'))
        {
            radix = 8;
            digits = digits.Substring(2);
        }
        else if (digits.Length > 2 && digits[0] == '0' && (digits[1] is 'b' or 'B'))
        {
            radix = 2;
            digits = digits.Substring(2);
        }
        else if (digits.Length > 1 && digits[0] == '0')
        {
            radix = 8;
            digits = digits.Substring(1);
        }
        else
        {
            radix = 10;
        }
        ulong magnitude = 0;
        foreach (var c in digits)
        {
            var digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
            if (digit >= radix || magnitude > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
            {
                return null;
            }
            magnitude = magnitude * (ulong)radix + (ulong)digit;
        }
        if (negative)
        {
            return magnitude <= 9223372036854775808UL ? (long)(0 - magnitude) : null;
        }
        return magnitude <= long.MaxValue ? (long)magnitude : null;
    }

    public static void WriteString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        json.Append(c);
                    }
                    break;
            }
        }
        json.Append('"');
    }
}
