using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Flows.Manifests;

/// <summary>
/// Kubernetes resource quantities (<c>500m</c>, <c>2</c>, <c>0.5</c>, <c>64Mi</c>, <c>4G</c>, <c>1e3</c>): a decimal
/// number with an optional binary suffix (Ki Mi Gi Ti Pi Ei), decimal suffix (n u m k M G T P E) or exponent.
/// One parser for the build-time checks (this file is also compiled into the generator, for netstandard2.0)
/// and for running a pod locally.
/// </summary>
#if FLOWS_GENERATOR
internal
#else
public
#endif
static class KubernetesQuantity
{
    private static readonly Regex Quantity =
        new(@"^(?<number>[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+))(?<suffix>Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant);

    /// <summary>
    /// The value of <paramref name="text"/>, or null when it is not a quantity (or negative). A value too large
    /// for a decimal is <see cref="decimal.MaxValue"/>: larger than any real request or limit, and still a quantity.
    /// </summary>
    public static decimal? TryParse(string text)
    {
        var match = Quantity.Match(text);
        if (!match.Success || !decimal.TryParse(match.Groups["number"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }
        var suffix = match.Groups["suffix"].Value;
        try
        {
            var value = suffix switch
            {
                "" => number,
                "n" => number / 1_000_000_000m,
                "u" => number / 1_000_000m,
                "m" => number / 1_000m,
                "k" => number * 1_000m,
                "M" => number * 1_000_000m,
                "G" => number * 1_000_000_000m,
                "T" => number * 1_000_000_000_000m,
                "P" => number * 1_000_000_000_000_000m,
                "E" => number * 1_000_000_000_000_000_000m,
                "Ki" => number * 1024m,
                "Mi" => number * 1024m * 1024m,
                "Gi" => number * 1024m * 1024m * 1024m,
                "Ti" => number * 1024m * 1024m * 1024m * 1024m,
                "Pi" => number * 1024m * 1024m * 1024m * 1024m * 1024m,
                "Ei" => number * 1024m * 1024m * 1024m * 1024m * 1024m * 1024m,
                _ => Exponent(number, int.Parse(suffix.Substring(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
            };
            return value < 0 ? null : value;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return number < 0 ? null : decimal.MaxValue;
        }
    }

    /// <summary>CPU in millicores, rounded up as the kubelet does (<c>0.1</c> and <c>100m</c> are 100).</summary>
    public static long? MilliCpu(string text) => TryParse(text) is { } cores ? Clamp(Math.Ceiling(Math.Min(cores, decimal.MaxValue / 1000m) * 1000m)) : null;

    /// <summary>Bytes, rounded up (<c>64Mi</c> is 67108864, <c>4G</c> 4000000000).</summary>
    public static long? Bytes(string text) => TryParse(text) is { } bytes ? Clamp(Math.Ceiling(bytes)) : null;

    private static long Clamp(decimal value) => value >= long.MaxValue ? long.MaxValue : (long)value;

    private static decimal Exponent(decimal number, int exponent)
    {
        if (exponent > 28)
        {
            throw new OverflowException();
        }
        if (exponent < -28)
        {
            return 0m;
        }
        var scale = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            scale *= 10m;
        }
        return exponent >= 0 ? number * scale : number / scale;
    }
}
