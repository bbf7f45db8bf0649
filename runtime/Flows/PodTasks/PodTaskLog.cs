using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Flows;

/// <summary>
/// A pod task's primary container log as a pod runner receives it: each line goes to the task's logger as it comes
/// (Information, the line itself as the message, under <see cref="LineTemplate"/>); the last lines are kept for the
/// outcome, and the whole log when the task's result is its log, up to <see cref="PodTaskOutputLimits.MaxResultBytes"/>: past
/// that it is dropped and only its size is counted on (<see cref="WholeLogBytes"/>). Safe to add to from one thread while another reads.
/// </summary>
public sealed class PodTaskLog
{
    /// <summary>The structured-logging name of a log line; the formatted message is the line itself.</summary>
    public const string LineTemplate = "{PodLogLine}";

    private readonly ILogger _logger;
    private readonly int _keptLines;
    private readonly Queue<string> _last = new();
    private readonly bool _keepWholeLog;
    private List<string>? _whole;
    private long _wholeBytes;
    private long _wholeLines;

    /// <param name="keptLines">How many of the last lines to keep: at least <see cref="PodTaskOutcome.LogTailLines"/>.</param>
    public PodTaskLog(ILogger logger, bool keepWholeLog, int keptLines = PodTaskOutcome.LogTailLines)
    {
        _logger = logger;
        _keptLines = keptLines;
        _keepWholeLog = keepWholeLog;
        _whole = keepWholeLog ? new List<string>() : null;
    }

    public void Add(string line)
    {
        lock (_last)
        {
            _last.Enqueue(line);
            if (_last.Count > _keptLines)
            {
                _last.Dequeue();
            }
            if (_keepWholeLog)
            {
                _wholeBytes += Encoding.UTF8.GetByteCount(line) + (_wholeLines++ == 0 ? 0 : 1);
                _whole?.Add(line);
                if (_wholeBytes > PodTaskOutputLimits.MaxResultBytes)
                {
                    _whole = null;
                }
            }
        }
        _logger.Log(LogLevel.Information, LineTemplate, line);
    }

    /// <summary>The last <paramref name="count"/> lines (at most the number kept).</summary>
    public IReadOnlyList<string> LastLines(int count)
    {
        lock (_last)
        {
            return _last.Skip(System.Math.Max(0, _last.Count - count)).ToList();
        }
    }

    /// <summary>The last <see cref="PodTaskOutcome.LogTailLines"/> lines: the outcome's tail.</summary>
    public IReadOnlyList<string> Tail => LastLines(PodTaskOutcome.LogTailLines);

    /// <summary>The size of the whole log in UTF-8 bytes, lines joined by '\n', also past the limit; 0 unless kept.</summary>
    public long WholeLogBytes
    {
        get
        {
            lock (_last)
            {
                return _wholeBytes;
            }
        }
    }

    /// <summary>The whole log, lines joined by '\n'; null unless kept, and null once it grew past <see cref="PodTaskOutputLimits.MaxResultBytes"/>.</summary>
    public string? WholeLog
    {
        get
        {
            lock (_last)
            {
                return _whole is null ? null : string.Join("\n", _whole);
            }
        }
    }
}
