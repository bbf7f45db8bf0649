using System;
using System.Globalization;

namespace Flows.Kubernetes;

/// <summary>
/// The RFC 3339 timestamp the kubelet puts before each log line with <c>timestamps=true</c>
/// (e.g. <c>2024-05-01T10:00:00.123456789Z</c>), to the nanosecond.
/// </summary>
internal readonly record struct LogTimestamp(long UnixSeconds, int Nanoseconds) : IComparable<LogTimestamp>
{
    public int CompareTo(LogTimestamp other) =>
        UnixSeconds != other.UnixSeconds ? UnixSeconds.CompareTo(other.UnixSeconds) : Nanoseconds.CompareTo(other.Nanoseconds);

    public static bool operator <(LogTimestamp a, LogTimestamp b) => a.CompareTo(b) < 0;

    public static bool operator >(LogTimestamp a, LogTimestamp b) => a.CompareTo(b) > 0;

    public static bool operator <=(LogTimestamp a, LogTimestamp b) => a.CompareTo(b) <= 0;

    public static bool operator >=(LogTimestamp a, LogTimestamp b) => a.CompareTo(b) >= 0;

    /// <summary>
    /// The value for <c>sinceTime</c> that includes this instant. The API server passes <c>sinceTime</c> to the
    /// kubelet with whole seconds only, so this is rounded down: the lines of that second come again.
    /// </summary>
    public string ToSinceTime() =>
        DateTimeOffset.FromUnixTimeSeconds(UnixSeconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Splits <c>"&lt;timestamp&gt; &lt;content&gt;"</c>; false when the line does not start with a timestamp.</summary>
    public static bool TrySplitLine(string line, out LogTimestamp timestamp, out string content)
    {
        var space = line.IndexOf(' ');
        var text = space < 0 ? line : line.Substring(0, space);
        if (TryParse(text, out timestamp))
        {
            content = space < 0 ? "" : line.Substring(space + 1);
            return true;
        }
        content = line;
        return false;
    }

    public static bool TryParse(string text, out LogTimestamp timestamp)
    {
        timestamp = default;
        // yyyy-MM-ddTHH:mm:ss[.fraction](Z|±hh:mm)
        if (text.Length < 20 || text[10] is not ('T' or 't'))
        {
            return false;
        }
        var zoneStart = text.Length - 1;
        if (text[zoneStart] is not ('Z' or 'z'))
        {
            zoneStart = text.Length - 6;
            if (zoneStart < 19 || text[zoneStart] is not ('+' or '-'))
            {
                return false;
            }
        }
        var nanoseconds = 0;
        if (zoneStart > 19)
        {
            if (text[19] != '.')
            {
                return false;
            }
            var fraction = text.AsSpan(20, zoneStart - 20);
            if (fraction.Length is 0 or > 9)
            {
                return false;
            }
            foreach (var digit in fraction)
            {
                if (digit is < '0' or > '9')
                {
                    return false;
                }
            }
            nanoseconds = int.Parse(fraction, NumberStyles.None, CultureInfo.InvariantCulture);
            for (var i = fraction.Length; i < 9; i++)
            {
                nanoseconds *= 10;
            }
        }
        var withoutFraction = string.Concat(text.AsSpan(0, 19), text.AsSpan(zoneStart));
        if (!DateTimeOffset.TryParseExact(withoutFraction, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd't'HH:mm:ssK"], CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var seconds))
        {
            return false;
        }
        timestamp = new LogTimestamp(seconds.ToUnixTimeSeconds(), nanoseconds);
        return true;
    }

    public override string ToString() =>
        DateTimeOffset.FromUnixTimeSeconds(UnixSeconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
        + "." + Nanoseconds.ToString("D9", CultureInfo.InvariantCulture) + "Z";
}
