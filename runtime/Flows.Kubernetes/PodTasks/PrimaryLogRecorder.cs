using System.Collections.Generic;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Flows.Kubernetes;

/// <summary>
/// Receives the primary container's log lines (from <see cref="ContainerLogFollower"/>): each goes to the task's logger
/// as it comes, the last <see cref="PodTaskOutcome.LogTailLines"/> are kept, and the whole log when asked.
/// </summary>
internal sealed class PrimaryLogRecorder : LineWriter
{
    /// <summary>The structured-logging name of a log line; the formatted message is the line itself.</summary>
    public const string LineTemplate = "{PodLogLine}";

    private readonly ILogger _logger;
    private readonly Queue<string> _tail = new();
    private readonly List<string>? _whole;

    public PrimaryLogRecorder(ILogger logger, bool keepWholeLog)
    {
        _logger = logger;
        _whole = keepWholeLog ? new List<string>() : null;
    }

    public IReadOnlyList<string> Tail
    {
        get
        {
            lock (Gate)
            {
                return _tail.ToArray();
            }
        }
    }

    /// <summary>The whole log, lines joined by '\n'; null unless asked for.</summary>
    public string? WholeLog
    {
        get
        {
            lock (Gate)
            {
                return _whole is null ? null : string.Join("\n", _whole);
            }
        }
    }

    protected override void WriteCompleteLine(string line)
    {
        _logger.Log(LogLevel.Information, LineTemplate, line);
        _tail.Enqueue(line);
        if (_tail.Count > PodTaskOutcome.LogTailLines)
        {
            _tail.Dequeue();
        }
        _whole?.Add(line);
    }
}
