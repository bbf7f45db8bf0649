using System;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Flows.Yaml;

/// <summary>The JSON type a YAML scalar becomes.</summary>
#if FLOWS_GENERATOR
internal
#else
public
#endif
enum YamlScalarKind
{
    Null,
    Boolean,
    Integer,
    Float,
    String,

    /// <summary><c>.inf</c>, <c>-.inf</c>, <c>.nan</c>: floats that JSON cannot hold.</summary>
    NotJson,
}

/// <summary>
/// Reads scalars as kubectl and the Kubernetes client libraries do (sigs.k8s.io/yaml over go-yaml v2, YAML 1.1 rules,
/// ported from go-yaml's resolve.go): quoted scalars and <c>!!str</c> are strings; plain <c>~</c>, <c>null</c> and
/// nothing are null; <c>true</c>/<c>yes</c>/<c>on</c>/<c>y</c> and their opposites booleans; what Go's
/// <c>strconv.ParseInt(s, 0, 64)</c> or <c>ParseUint</c> reads once underscores are dropped an integer (so 0644 is
/// octal, 0x1F hexadecimal); else a decimal float that <c>strconv.ParseFloat</c> reads in range a float (integers past
/// 64 bits included); everything else, <c>1e99999</c> too (ParseFloat fails out of range), a string. Numbers are
/// written as Go's encoding/json writes them, so Flows sends the same JSON text kubectl would.
/// </summary>
#if FLOWS_GENERATOR
internal
#else
public
#endif
static class YamlScalarResolver
{
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>A plain scalar's type comes from its text, unless it is tagged <c>!!str</c> (<c>value: !!str 8080</c> is a string).</summary>
    public static bool IsResolved(YamlScalarNode scalar) => IsResolved(scalar.Style, scalar.Tag);

    public static bool IsResolved(ScalarStyle style, TagName tag) =>
        style == ScalarStyle.Plain && (tag.IsEmpty || tag.Value != StringTag);

    public static YamlScalarKind KindOf(YamlScalarNode scalar) =>
        IsResolved(scalar) ? KindOfPlain(scalar.Value ?? "") : YamlScalarKind.String;

    /// <summary>The scalar as JSON text: <c>"text"</c>, <c>12</c>, <c>1.5</c>, <c>true</c>, <c>null</c>.</summary>
    /// <exception cref="YamlWithoutJsonException"><c>.inf</c> or <c>.nan</c> (the loader refuses those first).</exception>
    public static string Json(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (!IsResolved(scalar))
        {
            return JsonString(value);
        }
        var resolved = ResolvePlain(value);
        return resolved.Kind switch
        {
            YamlScalarKind.String => JsonString(value),
            YamlScalarKind.NotJson => throw NotJson(scalar.Start, scalar.End, value),
            _ => resolved.Json!,
        };
    }

    public static YamlScalarKind KindOfPlain(string value) => ResolvePlain(value).Kind;

    /// <summary>What a plain scalar <paramref name="value"/> is, with its JSON text for null, booleans and numbers.</summary>
    public static (YamlScalarKind Kind, string? Json, double Float) ResolvePlain(string value)
    {
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return (YamlScalarKind.Null, "null", 0);
            case "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON":
                return (YamlScalarKind.Boolean, "true", 0);
            case "n" or "N" or "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF":
                return (YamlScalarKind.Boolean, "false", 0);
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return (YamlScalarKind.NotJson, null, double.PositiveInfinity);
            case "-.inf" or "-.Inf" or "-.INF":
                return (YamlScalarKind.NotJson, null, double.NegativeInfinity);
            case ".nan" or ".NaN" or ".NAN":
                return (YamlScalarKind.NotJson, null, double.NaN);
        }
        var first = value[0];
        if (first == '.')
        {
            // go-yaml hands these to ParseFloat as they are: no underscores.
            return IsGoFloat(value, allowIntegerPart: false) && TryParseFinite(value, out var fraction)
                ? (YamlScalarKind.Float, GoJsonFloat(fraction), fraction)
                : (YamlScalarKind.String, null, 0);
        }
        if (first is not ('+' or '-' or (>= '0' and <= '9')))
        {
            return (YamlScalarKind.String, null, 0);
        }
        var plain = value.Replace("_", "");
        if (ParseGoInteger(plain) is { } integer)
        {
            return (YamlScalarKind.Integer, integer.Negative ? "-" + integer.Magnitude.ToString(CultureInfo.InvariantCulture) : integer.Magnitude.ToString(CultureInfo.InvariantCulture), integer.Negative ? -(double)integer.Magnitude : integer.Magnitude);
        }
        return IsGoFloat(plain, allowIntegerPart: true) && TryParseFinite(plain, out var number)
            ? (YamlScalarKind.Float, GoJsonFloat(number), number)
            : (YamlScalarKind.String, null, 0);
    }

    /// <summary>
    /// The JSON key kubectl makes of a plain key (sigs.k8s.io/yaml converts go-yaml's keys): a string as written,
    /// an integer in decimal, a boolean as true/false, a float as Go's FormatFloat(f, 'g', -1, 32); null for a key
    /// it refuses (null, or an integer past int64).
    /// </summary>
    public static string? JsonKey(string value)
    {
        var resolved = ResolvePlain(value);
        switch (resolved.Kind)
        {
            case YamlScalarKind.String:
                return value;
            case YamlScalarKind.Boolean:
                return resolved.Json;
            case YamlScalarKind.Integer:
                return resolved.Json![0] != '-' && ulong.Parse(resolved.Json, CultureInfo.InvariantCulture) > long.MaxValue ? null : resolved.Json;
            case YamlScalarKind.Float:
            case YamlScalarKind.NotJson:
                return GoFloat32Key(resolved.Float);
            default:
                return null;
        }
    }

    public static YamlWithoutJsonException NotJson(Mark start, Mark end, string value) =>
        new(start, end, $"'{value}' is a float that JSON cannot hold, so kubectl refuses the file (json: unsupported value); quote it (\"{value}\") if it is text, or write a number");

    /// <summary>A JSON string literal.</summary>
    public static string JsonString(string value)
    {
        var json = new System.Text.StringBuilder(value.Length + 2);
        AppendJsonString(json, value);
        return json.ToString();
    }

    public static void AppendJsonString(System.Text.StringBuilder json, string value)
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

    /// <summary>
    /// Go's strconv.ParseInt(text, 0, 64), and when that fails ParseUint(text, 0, 64): an optional sign (ParseInt only),
    /// then 0b, 0o, 0x or a bare 0 (octal) or decimal digits. Null when neither reads it.
    /// </summary>
    private static (bool Negative, ulong Magnitude)? ParseGoInteger(string text)
    {
        var negative = false;
        var digits = text;
        var signed = false;
        if (digits.Length > 0 && (digits[0] == '+' || digits[0] == '-'))
        {
            negative = digits[0] == '-';
            signed = true;
            digits = digits.Substring(1);
        }
        if (ParseGoUnsigned(digits) is not { } magnitude)
        {
            return null;
        }
        const ulong int64Cutoff = 1UL << 63;
        if ((!negative && magnitude < int64Cutoff) || (negative && magnitude <= int64Cutoff))
        {
            return (negative && magnitude != 0, magnitude);
        }
        // Out of int64: ParseUint takes it only without a sign.
        return signed ? null : (false, magnitude);
    }

    private static ulong? ParseGoUnsigned(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }
        var radix = 10;
        var start = 0;
        if (text[0] == '0')
        {
            var prefix = text.Length >= 3 ? char.ToLowerInvariant(text[1]) : '\0';
            (radix, start) = prefix switch
            {
                'b' => (2, 2),
                'o' => (8, 2),
                'x' => (16, 2),
                _ => (8, 1),
            };
        }
        ulong value = 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = char.ToLowerInvariant(text[i]);
            var digit = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'z' ? c - 'a' + 10 : 99;
            if (digit >= radix || value > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
            {
                return null;
            }
            value = value * (ulong)radix + (ulong)digit;
        }
        return value;
    }

    /// <summary>go-yaml's yamlStyleFloat, <c>^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$</c>, without a regex.</summary>
    private static bool IsGoFloat(string text, bool allowIntegerPart)
    {
        var i = 0;
        if (allowIntegerPart && i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            i++;
        }
        var integerDigits = 0;
        while (allowIntegerPart && i < text.Length && text[i] is >= '0' and <= '9')
        {
            i++;
            integerDigits++;
        }
        var fractionDigits = 0;
        var hasPoint = i < text.Length && text[i] == '.';
        if (hasPoint)
        {
            i++;
            while (i < text.Length && text[i] is >= '0' and <= '9')
            {
                i++;
                fractionDigits++;
            }
        }
        if (integerDigits == 0 && fractionDigits == 0)
        {
            return false;
        }
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }
            var exponentDigits = 0;
            while (i < text.Length && text[i] is >= '0' and <= '9')
            {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0)
            {
                return false;
            }
        }
        return i == text.Length;
    }

    /// <summary>Go's ParseFloat: an error, so no float, out of float64 range; underflow reads as zero.</summary>
    private static bool TryParseFinite(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsInfinity(value) && !double.IsNaN(value);

    /// <summary>A float as Go's encoding/json writes it: shortest digits, exponent form below 1e-6 and from 1e21.</summary>
    public static string GoJsonFloat(double value)
    {
        var (negative, digits, point) = ShortestDigits(value.ToString("R", CultureInfo.InvariantCulture));
        var sign = negative ? "-" : "";
        if (digits.Length == 0)
        {
            return sign + "0";
        }
        var magnitude = Math.Abs(value);
        if (magnitude < 1e-6 || magnitude >= 1e21)
        {
            var exponent = point - 1;
            var mantissa = digits.Length == 1 ? digits : digits.Substring(0, 1) + "." + digits.Substring(1);
            return sign + mantissa + (exponent < 0 ? "e-" + (-exponent).ToString(CultureInfo.InvariantCulture) : "e+" + exponent.ToString("00", CultureInfo.InvariantCulture));
        }
        return sign + FixedNotation(digits, point);
    }

    /// <summary>Go's strconv.FormatFloat(float32(value), 'g', -1, 32), with go-yaml's names for the infinities and NaN.</summary>
    private static string GoFloat32Key(double value)
    {
        var single = (float)value;
        if (float.IsNaN(single))
        {
            return ".nan";
        }
        if (float.IsInfinity(single))
        {
            return single > 0 ? ".inf" : "-.inf";
        }
        var (negative, digits, point) = ShortestDigits(single.ToString("R", CultureInfo.InvariantCulture));
        var sign = negative ? "-" : "";
        if (digits.Length == 0)
        {
            return sign + "0";
        }
        var exponent = point - 1;
        if (exponent < -4 || exponent >= 6)
        {
            var mantissa = digits.Length == 1 ? digits : digits.Substring(0, 1) + "." + digits.Substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        }
        return sign + FixedNotation(digits, point);
    }

    private static string FixedNotation(string digits, int point) =>
        point <= 0 ? "0." + new string('0', -point) + digits
        : point >= digits.Length ? digits + new string('0', point - digits.Length)
        : digits.Substring(0, point) + "." + digits.Substring(point);

    /// <summary>The significant digits of a round-trip ("R") number and where the decimal point goes among them.</summary>
    private static (bool Negative, string Digits, int Point) ShortestDigits(string roundTrip)
    {
        var negative = roundTrip.StartsWith("-", StringComparison.Ordinal);
        var text = negative ? roundTrip.Substring(1) : roundTrip;
        var exponent = 0;
        var e = text.IndexOfAny(new[] { 'E', 'e' });
        if (e >= 0)
        {
            exponent = int.Parse(text.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text.Substring(0, e);
        }
        var dot = text.IndexOf('.');
        var point = (dot < 0 ? text.Length : dot) + exponent;
        var digits = text.Replace(".", "");
        var leading = 0;
        while (leading < digits.Length && digits[leading] == '0')
        {
            leading++;
        }
        digits = digits.Substring(leading).TrimEnd('0');
        return (negative, digits, point - leading);
    }
}
