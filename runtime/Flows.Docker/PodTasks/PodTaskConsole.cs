using System.Collections.Generic;
using System.Linq;
using System.Text;
using Flows.Docker.LocalJobs;
using Microsoft.Extensions.Logging;

namespace Flows.Docker.PodTasks;

/// <summary>
/// A pod task's side of a local pod run: the primary container's lines go to the task's logger as they come (Information,
/// the line as the message) and are kept for the outcome; the runner's progress goes to the logger at Debug, warnings at Warning.
/// </summary>
internal sealed class PodTaskConsole(ILogger logger, bool keepWholeLog) : ILocalPodConsole
{
    /// <summary>The kubelet's FallbackToLogsOnError message: at most the last 80 lines and 2048 bytes of the log.</summary>
    private const int FallbackLines = 80;

    private const int FallbackBytes = 2048;

    private readonly object _lock = new();
    private readonly Queue<string> _tail = new();
    private readonly List<string>? _log = keepWholeLog ? new() : null;

    public void Info(string message) => logger.LogDebug("{Message}", message);

    public void Warn(string message) => logger.LogWarning("{Message}", message);

    public void Primary(ContainerLogLine line)
    {
        lock (_lock)
        {
            _tail.Enqueue(line.Text);
            if (_tail.Count > FallbackLines)
            {
                _tail.Dequeue();
            }
            _log?.Add(line.Text);
        }
        logger.LogInformation("{Line}", line.Text);
    }

    public void Container(string name, ContainerLogLine line) => logger.LogDebug("[{Container}] {Line}", name, line.Text);

    public IReadOnlyList<string> LastLines(int count)
    {
        lock (_lock)
        {
            return _tail.Skip(System.Math.Max(0, _tail.Count - count)).ToList();
        }
    }

    /// <summary>The whole log, lines joined with newlines; null unless kept.</summary>
    public string? WholeLog()
    {
        lock (_lock)
        {
            return _log is null ? null : string.Join("\n", _log);
        }
    }

    /// <summary>The termination message of a failed container whose policy is FallbackToLogsOnError and whose file is empty.</summary>
    public string? FallbackMessage()
    {
        var text = string.Join("\n", LastLines(FallbackLines));
        var bytes = Encoding.UTF8.GetBytes(text);
        return bytes.Length == 0 ? null : bytes.Length <= FallbackBytes ? text : Encoding.UTF8.GetString(bytes, bytes.Length - FallbackBytes, FallbackBytes);
    }
}
