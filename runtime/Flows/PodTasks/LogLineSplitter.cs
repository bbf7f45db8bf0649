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

    private readonly int _maxLineBytes;
    private byte[] _kept = new byte[1024];
    private int _keptCount;
    private long _lineBytes;
    private bool _endsInCarriageReturn;

    /// <param name="maxLineBytes">The longest line kept (tests use a small one).</param>
    public LogLineSplitter(int maxLineBytes = PodTaskOutputLimits.MaxLineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 4);
        _maxLineBytes = maxLineBytes;
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
    public string? Flush() => _lineBytes == 0 ? null : TakeLine();

    private void Keep(ReadOnlySpan<byte> part)
    {
        if (part.IsEmpty)
        {
            return;
        }
        _lineBytes += part.Length;
        _endsInCarriageReturn = part[^1] == (byte)'\r';
        var taken = part[..Math.Min(part.Length, _maxLineBytes - _keptCount)];
        if (taken.IsEmpty)
        {
            return;
        }
        if (_keptCount + taken.Length > _kept.Length)
        {
            Array.Resize(ref _kept, Math.Min(_maxLineBytes, Math.Max(_kept.Length * 2, _keptCount + taken.Length)));
        }
        taken.CopyTo(_kept.AsSpan(_keptCount));
        _keptCount += taken.Length;
    }

    private string TakeLine()
    {
        var length = _endsInCarriageReturn ? _lineBytes - 1 : _lineBytes;
        var line = length <= _maxLineBytes
            ? Utf8.GetString(_kept, 0, (int)length)
            : Utf8.GetString(_kept, 0, WholeCharacters(_kept.AsSpan(0, _keptCount))) + PodTaskOutputLimits.CutNote(length);
        _keptCount = 0;
        _lineBytes = 0;
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
