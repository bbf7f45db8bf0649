using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;

namespace Flows.Runtime.Tests.PodTasks;

/// <summary>How a container's log is split into lines: whole lines and characters across pieces, and bounded memory for a line without end.</summary>
public class LogLineSplitterTests
{
    private const long HundredMegabytes = 100L * 1024 * 1024;

    [Fact]
    public void A_100_MB_line_without_a_line_break_is_read_with_bounded_memory_cut_at_64_KiB_and_the_next_line_comes_whole()
    {
        var stream = new GeneratedLog(HundredMegabytes, "\nnext line\n");
        var reader = new LogLineReader(stream);
        var before = GC.GetAllocatedBytesForCurrentThread();

        // The fake stream answers at once, so the reads complete on this thread and the measure sees all they allocate.
        var first = ReadNow(reader);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 2 * 1024 * 1024, $"reading a {HundredMegabytes:N0}-byte line allocated {allocated:N0} bytes");
        Assert.Equal(new string('a', PodTaskOutputLimits.MaxLineBytes) + PodTaskOutputLimits.CutNote(HundredMegabytes), first);
        Assert.Equal("next line", ReadNow(reader));
        Assert.Null(ReadNow(reader));
        Assert.Equal(HundredMegabytes + "\nnext line\n".Length, stream.Position);
    }

    [Fact]
    public void The_same_100_MB_line_through_a_StreamReader_costs_its_size_which_is_what_the_limit_prevents()
    {
        // The control: what the Kubernetes log follower did before (StreamReader.ReadLine), on a smaller line to keep the test quick.
        const long size = 16L * 1024 * 1024;
        using var reader = new StreamReader(new GeneratedLog(size, "\n"), Encoding.UTF8);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var line = reader.ReadLine();

        Assert.Equal(size, line!.Length);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before > size, "a StreamReader line should cost at least its size");
    }

    [Fact]
    public void Lines_and_characters_split_across_pieces_are_joined_and_a_carriage_return_before_the_break_is_dropped()
    {
        var bytes = Encoding.UTF8.GetBytes("héllo wörld\r\nsecond € line\n\nlast without break");
        var splitter = new LogLineSplitter();
        var lines = new List<string>();

        foreach (var piece in bytes.Chunk(3))
        {
            splitter.Add(piece, lines);
        }
        lines.Add(splitter.Flush()!);

        Assert.Equal(["héllo wörld", "second € line", "", "last without break"], lines);
        Assert.Null(splitter.Flush());
    }

    [Fact]
    public void A_line_of_exactly_the_limit_is_kept_whole_also_with_a_carriage_return_and_one_byte_more_is_cut()
    {
        var lines = Split(8, "12345678\n12345678\r\n123456789\n");

        Assert.Equal(["12345678", "12345678", "12345678" + PodTaskOutputLimits.CutNote(9)], lines);
    }

    [Fact]
    public void A_cut_never_leaves_half_a_character()
    {
        // "aaaaa€": the cut at 7 bytes falls inside the 3-byte euro sign, which is left out whole.
        var lines = Split(7, "aaaaa€€\n");

        Assert.Equal(["aaaaa" + PodTaskOutputLimits.CutNote(11)], lines);
    }

    [Fact]
    public void A_long_last_line_without_a_break_is_cut_too()
    {
        var splitter = new LogLineSplitter(4);
        var lines = new List<string>();
        splitter.Add(Encoding.UTF8.GetBytes("abcdefgh"), lines);

        Assert.Empty(lines);
        Assert.Equal("abcd" + PodTaskOutputLimits.CutNote(8), splitter.Flush());
    }

    [Fact]
    public void A_timestamp_before_each_line_is_kept_but_not_counted_and_a_line_without_one_counts_whole()
    {
        var splitter = new LogLineSplitter(4, timestamped: true);
        var lines = new List<string>();

        foreach (var piece in Encoding.UTF8.GetBytes("2030-01-01T00:00:00.5Z abcd\n2030-01-01T00:00:01Z abcdef\r\n" + new string('y', 50) + " z\n").Chunk(5))
        {
            splitter.Add(piece, lines);
        }

        Assert.Equal(["2030-01-01T00:00:00.5Z abcd", "2030-01-01T00:00:01Z abcd" + PodTaskOutputLimits.CutNote(6), "yyyy" + PodTaskOutputLimits.CutNote(52)], lines);
    }

    [Fact]
    public void The_cut_note_says_the_size_of_the_line_and_the_limit()
    {
        Assert.Equal(" [line cut by Flows: it was 104,857,600 bytes, and a log line keeps at most 65,536 bytes]", PodTaskOutputLimits.CutNote(HundredMegabytes));
    }

    private static List<string> Split(int maxLineBytes, string text)
    {
        var splitter = new LogLineSplitter(maxLineBytes);
        var lines = new List<string>();
        splitter.Add(Encoding.UTF8.GetBytes(text), lines);
        if (splitter.Flush() is { } last)
        {
            lines.Add(last);
        }
        return lines;
    }

    private static string? ReadNow(LogLineReader reader)
    {
        var read = reader.ReadLineAsync(CancellationToken.None);
        Assert.True(read.IsCompleted, "the fake stream should answer at once");
        return read.Result;
    }

    /// <summary>A stream of <c>length</c> bytes of 'a', then <c>tail</c>, made as it is read: the test holds none of it.</summary>
    private sealed class GeneratedLog(long length, string tail) : Stream
    {
        private readonly byte[] _tail = Encoding.UTF8.GetBytes(tail);
        private long _position;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override System.Threading.Tasks.ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            System.Threading.Tasks.ValueTask.FromResult(Read(buffer.Span));

        public override int Read(Span<byte> span)
        {
            var count = span.Length;
            var written = 0;
            if (_position < length)
            {
                written = (int)Math.Min(count, length - _position);
                span[..written].Fill((byte)'a');
            }
            var tailStart = (int)Math.Max(0, _position + written - length);
            var fromTail = Math.Min(count - written, _tail.Length - tailStart);
            if (fromTail > 0)
            {
                _tail.AsSpan(tailStart, fromTail).CopyTo(span[written..]);
                written += fromTail;
            }
            _position += written;
            return written;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length + _tail.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
