using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;

namespace Flows.Docker;

/// <summary>
/// Reads the daemon's log stream (frames tagged stdout or stderr, or one raw stream for a TTY) and
/// yields whole lines per stream: a line split across frames is joined, and so is a UTF-8 character.
/// </summary>
internal static class ContainerLogReader
{
    public static async IAsyncEnumerable<ContainerLogLine> ReadLinesAsync(MultiplexedStream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        var stdout = new LineSplitter(ContainerLogStream.Stdout);
        var stderr = new LineSplitter(ContainerLogStream.Stderr);
        var lines = new List<ContainerLogLine>();
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
            if (read.EOF)
            {
                break;
            }
            var splitter = read.Target == MultiplexedStream.TargetStream.StandardError ? stderr : stdout;
            splitter.Add(buffer.AsSpan(0, read.Count), lines);
            foreach (var line in lines)
            {
                yield return line;
            }
            lines.Clear();
        }
        foreach (var splitter in new[] { stdout, stderr })
        {
            if (splitter.Flush() is { } last)
            {
                yield return last;
            }
        }
    }

    private sealed class LineSplitter(ContainerLogStream stream)
    {
        private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
        private readonly StringBuilder _pending = new();
        private char[] _chars = new char[1024];

        public void Add(ReadOnlySpan<byte> bytes, List<ContainerLogLine> lines)
        {
            var needed = _decoder.GetCharCount(bytes, flush: false);
            if (needed > _chars.Length)
            {
                _chars = new char[needed];
            }
            var count = _decoder.GetChars(bytes, _chars, flush: false);
            var start = 0;
            for (var i = 0; i < count; i++)
            {
                if (_chars[i] == '\n')
                {
                    _pending.Append(_chars, start, i - start);
                    lines.Add(new ContainerLogLine(stream, TrimCarriageReturn(_pending.ToString())));
                    _pending.Clear();
                    start = i + 1;
                }
            }
            _pending.Append(_chars, start, count - start);
        }

        public ContainerLogLine? Flush()
        {
            var rest = _decoder.GetCharCount([], flush: true);
            if (rest > 0)
            {
                var tail = new char[rest];
                _decoder.GetChars([], tail, flush: true);
                _pending.Append(tail);
            }
            return _pending.Length == 0 ? null : new ContainerLogLine(stream, TrimCarriageReturn(_pending.ToString()));
        }

        private static string TrimCarriageReturn(string line) => line.EndsWith('\r') ? line[..^1] : line;
    }
}
