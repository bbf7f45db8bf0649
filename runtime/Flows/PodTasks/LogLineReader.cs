using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Flows;

/// <summary>
/// Reads a log stream (a Kubernetes pod log) line by line as <see cref="LogLineSplitter"/> splits it: what
/// <see cref="StreamReader.ReadLineAsync(CancellationToken)"/> does, but a line without end costs at most
/// <see cref="PodTaskOutputLimits.MaxLineBytes"/> of memory. <c>timestamped</c>: see <see cref="LogLineSplitter(int, bool)"/>.
/// </summary>
public sealed class LogLineReader(Stream stream, int maxLineBytes = PodTaskOutputLimits.MaxLineBytes, bool timestamped = false)
{
    private readonly byte[] _buffer = new byte[16 * 1024];
    private readonly LogLineSplitter _splitter = new(maxLineBytes, timestamped);
    private readonly List<string> _lines = new();
    private int _next;
    private bool _ended;

    /// <summary>The next line, or null at the end of the stream.</summary>
    public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (_next == _lines.Count && !_ended)
        {
            _lines.Clear();
            _next = 0;
            var read = await stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _ended = true;
                if (_splitter.Flush() is { } last)
                {
                    _lines.Add(last);
                }
            }
            else
            {
                _splitter.Add(_buffer.AsSpan(0, read), _lines);
            }
        }
        return _next < _lines.Count ? _lines[_next++] : null;
    }
}
