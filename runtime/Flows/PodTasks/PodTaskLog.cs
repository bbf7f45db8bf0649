using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Flows;

/// <summary>
/// A pod task's primary container log as a pod runner receives it: each line goes to the task's logger as it comes
/// (Information, the line itself as the message, under <see cref="LineTemplate"/>); the last lines are kept for the
/// outcome, and the whole log when the task's result is its log. Safe to add to from one thread while another reads.
/// </summary>
public sealed class PodTaskLog
{
    /// <summary>The structured-logging name of a log line; the formatted message is the line itself.</summary>
    public const string LineTemplate = "{PodLogLine}";

    private readonly ILogger _logger;
    private readonly int _keptLines;
    private readonly Queue<string> _last = new();
    private readonly List<string>? _whole;

    /// <param name="keptLines">How many of the last lines to keep: at least <see cref="PodTaskOutcome.LogTailLines"/>.</param>
    public PodTaskLog(ILogger logger, bool keepWholeLog, int keptLines = PodTaskOutcome.LogTailLines)
    {
        _logger = logger;
        _keptLines = keptLines;
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
            _whole?.Add(line);
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

    /// <summary>The whole log, lines joined by '\n'; null unless kept.</summary>
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
