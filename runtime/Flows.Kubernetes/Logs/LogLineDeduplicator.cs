using System.Collections.Generic;

namespace Flows.Kubernetes;

/// <summary>
/// Decides which lines of a resumed log stream are new. A stream resumed with <c>sinceTime</c> starts
/// again at the beginning of the second of the last line printed, so it repeats lines. While a stream
/// is in that overlap, a line older than the last one printed is dropped, and a line with the very same
/// timestamp is dropped as often as that timestamp+content was printed before (a container may print the
/// same text twice within one timestamp). The first new line ends the overlap; from then on every line
/// of the stream is printed.
/// </summary>
internal sealed class LogLineDeduplicator
{
    private readonly Dictionary<string, int> _printedAtLast = new();
    private readonly Dictionary<string, int> _seenAtLastInStream = new();
    private LogTimestamp? _last;
    private bool _inOverlap;

    /// <summary>Where to resume: null for the whole log, else <c>sinceTime</c> (whole seconds, rounded down).</summary>
    public string? SinceTime => _last?.ToSinceTime();

    /// <summary>Call before reading each stream.</summary>
    public void BeginStream()
    {
        _inOverlap = _last is not null;
        _seenAtLastInStream.Clear();
    }

    /// <summary>True when <paramref name="line"/> (with its timestamp) should be printed; <paramref name="content"/> is the line without it.</summary>
    public bool Accept(string line, out string content)
    {
        if (!LogTimestamp.TrySplitLine(line, out var timestamp, out content))
        {
            // No timestamp (not a kubelet line): nothing to compare, so never dropped.
            return true;
        }
        if (_inOverlap && _last is { } last)
        {
            if (timestamp < last)
            {
                return false;
            }
            if (timestamp == last)
            {
                var seen = _seenAtLastInStream.GetValueOrDefault(content) + 1;
                _seenAtLastInStream[content] = seen;
                if (seen <= _printedAtLast.GetValueOrDefault(content))
                {
                    return false;
                }
            }
            _inOverlap = false;
        }
        Record(timestamp, content);
        return true;
    }

    private void Record(LogTimestamp timestamp, string content)
    {
        if (_last is not { } last || timestamp > last)
        {
            _last = timestamp;
            _printedAtLast.Clear();
            _printedAtLast[content] = 1;
        }
        else if (timestamp == last)
        {
            _printedAtLast[content] = _printedAtLast.GetValueOrDefault(content) + 1;
        }
        // An older timestamp after the overlap (a clock step back in the container) is printed, not remembered.
    }
}
