using System;
using System.Collections.Generic;
using System.Text;

namespace Flows;

/// <summary>
/// Splits a container's output, UTF-8 bytes as they arrive in pieces, into lines at '\n' (a '\r' before it is dropped),
/// holding at most <see cref="PodTaskOutputLimits.MaxLineBytes"/> of a line: a longer line keeps its first bytes (never
/// half a character), gets <see cref="PodTaskOutputLimits.CutNote"/>, and the rest of it is counted, not kept. A line
/// split across pieces is joined, and so is a character split across them. One splitter per stream; not thread-safe.
/// </summary>
public sealed class LogLineSplitter
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>An RFC 3339 timestamp with nanoseconds and a zone is 35 bytes: a line whose first space comes later has none.</summary>
    private const int MaxTimestampBytes = 40;

    private readonly int _maxLineBytes;
    private readonly bool _timestamped;
    private bool _inTimestamp;
    private int _timestampBytes;
    private byte[] _kept = new byte[1024];
    private int _keptCount;
    private long _lineBytes;
    private bool _endsInCarriageReturn;

    /// <param name="maxLineBytes">The longest line kept (tests use a small one).</param>
    /// <param name="timestamped">
    /// Each line starts with a timestamp and a space (a Kubernetes log read with <c>timestamps=true</c>): it is kept and not
    /// counted, so that the limit and the size in the note are the container's line alone.
    /// </param>
    public LogLineSplitter(int maxLineBytes = PodTaskOutputLimits.MaxLineBytes, bool timestamped = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 4);
        _maxLineBytes = maxLineBytes;
        _timestamped = timestamped;
        _inTimestamp = timestamped;
    }

    /// <summary>Adds the next bytes; each line they complete is added to <paramref name="lines"/>.</summary>
    public void Add(ReadOnlySpan<byte> bytes, List<string> lines)
    {
        while (!bytes.IsEmpty)
        {
            var end = bytes.IndexOf((byte)'\n');
            Keep(end < 0 ? bytes : bytes[..end]);
            if (end < 0)
            {
                return;
            }
            lines.Add(TakeLine());
            bytes = bytes[(end + 1)..];
        }
    }

    /// <summary>At the end of the stream: the last line when it had no line break, else null.</summary>
    public string? Flush() => _lineBytes == 0 && _timestampBytes == 0 ? null : TakeLine();

    private void Keep(ReadOnlySpan<byte> part)
    {
        if (part.IsEmpty)
        {
            return;
        }
        _endsInCarriageReturn = part[^1] == (byte)'\r';
        if (_inTimestamp)
        {
            part = KeepTimestamp(part);
        }
        _lineBytes += part.Length;
        Append(part[..(int)Math.Min(part.Length, Math.Max(0, _timestampBytes + _maxLineBytes - _keptCount))]);
    }

    /// <summary>Keeps the part of <paramref name="part"/> up to the timestamp's space, uncounted; returns the rest.</summary>
    private ReadOnlySpan<byte> KeepTimestamp(ReadOnlySpan<byte> part)
    {
        var room = MaxTimestampBytes - _timestampBytes;
        var space = part.IndexOf((byte)' ');
        if (space >= 0 && space < room)
        {
            _inTimestamp = false;
            Append(part[..(space + 1)]);
            _timestampBytes += space + 1;
            return part[(space + 1)..];
        }
        if (space < 0 && part.Length < room)
        {
            Append(part);
            _timestampBytes += part.Length;
            return [];
        }
        // No timestamp after all: what was taken for one counts as the line's.
        _inTimestamp = false;
        _lineBytes += _timestampBytes;
        _timestampBytes = 0;
        _keptCount = Math.Min(_keptCount, _maxLineBytes);
        return part;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }
        if (_keptCount + bytes.Length > _kept.Length)
        {
            Array.Resize(ref _kept, Math.Max(_kept.Length * 2, _keptCount + bytes.Length));
        }
        bytes.CopyTo(_kept.AsSpan(_keptCount));
        _keptCount += bytes.Length;
    }

    private string TakeLine()
    {
        // The line's bytes without a final '\r', timestamp included; the container's own are those after the timestamp.
        var end = _timestampBytes + _lineBytes - (_endsInCarriageReturn ? 1 : 0);
        var length = end - _timestampBytes;
        var line = length <= _maxLineBytes
            ? Utf8.GetString(_kept, 0, (int)end)
            : Utf8.GetString(_kept, 0, WholeCharacters(_kept.AsSpan(0, _keptCount))) + PodTaskOutputLimits.CutNote(length);
        _keptCount = 0;
        _lineBytes = 0;
        _timestampBytes = 0;
        _inTimestamp = _timestamped;
        _endsInCarriageReturn = false;
        return line;
    }

    /// <summary>How many of <paramref name="bytes"/> end on a character boundary: a character the cut split is left out whole.</summary>
    private static int WholeCharacters(ReadOnlySpan<byte> bytes)
    {
        var start = bytes.Length - 1;
        while (start > 0 && bytes.Length - start < 4 && (bytes[start] & 0xC0) == 0x80)
        {
            start--;
        }
        var lead = bytes[start];
        var length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return start + length > bytes.Length ? start : bytes.Length;
    }
}
