using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Flows.Generators.Kubernetes;

/// <summary>The API server's rules for names, labels and resource quantities.</summary>
internal static class KubernetesNames
{
    private static readonly Regex Dns1123Label = new("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    private static readonly Regex Dns1123Subdomain = new(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
    private static readonly Regex LabelName = new("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$");
    private static readonly Regex LabelValue = new("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$");
    private static readonly Regex Quantity = new(@"^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$");
    private static readonly Regex QuantityStrict = new(@"^[+-]?(\d+(\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?\d+)?$");

    /// <summary>Null when <paramref name="name"/> is a valid DNS-1123 label (container names); else the problem.</summary>
    public static string? Dns1123LabelProblem(string name) =>
        name.Length > 63 ? $"'{name}' is longer than 63 characters"
        : Dns1123Label.IsMatch(name) ? null
        : $"'{name}' must consist of lowercase letters, digits and '-', and start and end with a letter or digit";

    /// <summary>Null when <paramref name="name"/> is a valid DNS-1123 subdomain of at most 63 characters (Job names).</summary>
    public static string? JobNameProblem(string name) =>
        name.Length > 63 ? $"'{name}' is longer than 63 characters"
        : Dns1123Subdomain.IsMatch(name) ? null
        : $"'{name}' must consist of lowercase letters, digits, '-' and '.', and start and end with a letter or digit";

    public static string? LabelKeyProblem(string key)
    {
        var slash = key.IndexOf('/');
        var prefix = slash >= 0 ? key.Substring(0, slash) : null;
        var name = slash >= 0 ? key.Substring(slash + 1) : key;
        if (prefix is not null && (prefix.Length > 253 || !Dns1123Subdomain.IsMatch(prefix)))
        {
            return $"the prefix '{prefix}' of label key '{key}' must be a DNS subdomain (lowercase letters, digits, '-', '.')";
        }
        if (name.Length == 0 || name.Length > 63 || !LabelName.IsMatch(name))
        {
            return $"label key '{key}' must be at most 63 letters, digits, '-', '_' or '.' (after an optional 'prefix/'), starting and ending with a letter or digit";
        }
        return null;
    }

    public static string? LabelValueProblem(string key, string value) =>
        value.Length <= 63 && LabelValue.IsMatch(value)
            ? null
            : $"the value '{value}' of label '{key}' must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (or empty)";

    /// <summary>The quantity's value in base units, or null when the API server would not parse it.</summary>
    public static decimal? ParseQuantity(string text)
    {
        if (!QuantityStrict.IsMatch(text) || !Quantity.IsMatch(text))
        {
            return null;
        }
        var suffixStart = 0;
        while (suffixStart < text.Length && (char.IsDigit(text[suffixStart]) || text[suffixStart] is '.' or '+' or '-'))
        {
            suffixStart++;
        }
        var numberText = text.Substring(0, suffixStart);
        var suffix = text.Substring(suffixStart);
        if (!decimal.TryParse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }
        // "2E" is 2 exa; only "e"/"E" followed by digits is an exponent.
        if (suffix.Length > 1 && (suffix[0] is 'e' or 'E'))
        {
            if (!int.TryParse(suffix.Substring(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent))
            {
                return null;
            }
            try
            {
                return exponent is >= -28 and <= 28 ? number * Pow(10m, exponent) : exponent > 0 ? decimal.MaxValue : 0m;
            }
            catch (OverflowException)
            {
                return decimal.MaxValue;
            }
        }
        try
        {
            return Scale(number, suffix);
        }
        catch (OverflowException)
        {
            return decimal.MaxValue; // larger than any real request or limit; the API server accepts it
        }
    }

    private static decimal? Scale(decimal number, string suffix) =>
        suffix switch
        {
            "" => number,
            "m" => number / 1000m,
            "k" => number * 1e3m,
            "M" => number * 1e6m,
            "G" => number * 1e9m,
            "T" => number * 1e12m,
            "P" => number * 1e15m,
            "E" => number * 1e18m,
            "Ki" => number * 1024m,
            "Mi" => number * 1024m * 1024m,
            "Gi" => number * 1024m * 1024m * 1024m,
            "Ti" => number * 1024m * 1024m * 1024m * 1024m,
            "Pi" => number * 1024m * 1024m * 1024m * 1024m * 1024m,
            "Ei" => number * 1024m * 1024m * 1024m * 1024m * 1024m * 1024m,
            _ => null,
        };

    private static decimal Pow(decimal value, int exponent)
    {
        var result = 1m;
        for (var i = 0; i < System.Math.Abs(exponent); i++)
        {
            result = exponent > 0 ? result * value : result / value;
        }
        return result;
    }
}
