using System.Collections.Generic;
using System.Text;
using Flows.Docker.LocalJobs.Running;
using Microsoft.Extensions.Logging;

namespace Flows.Docker.PodTasks;

/// <summary>
/// A pod task's side of a local pod run: the primary container's lines go to the task's <see cref="PodTaskLog"/> (its logger, and kept
/// for the outcome); the runner's progress goes to the logger at Debug, warnings at Warning.
/// </summary>
internal sealed class PodTaskConsole(ILogger logger, bool keepWholeLog) : ILocalPodConsole
{
    /// <summary>The kubelet's FallbackToLogsOnError message: at most the last 80 lines and 2048 bytes of the log.</summary>
    private const int FallbackLines = 80;

    private const int FallbackBytes = 2048;

    private readonly PodTaskLog _log = new(logger, keepWholeLog, FallbackLines);

    public void Info(string message) => logger.LogDebug("{Message}", message);

    public void Warn(string message) => logger.LogWarning("{Message}", message);

    public void Kept(string what, string details) => logger.LogInformation("{What} (--keep-pods): {Details}", what, details);

    public void Primary(ContainerLogLine line) => _log.Add(line.Text);

    public void Container(string name, ContainerLogLine line) => logger.LogDebug("[{Container}] {Line}", name, line.Text);

    public IReadOnlyList<string> LastLines(int count) => _log.LastLines(count);

    /// <summary>The whole log, lines joined with newlines; null unless kept.</summary>
    public string? WholeLog() => _log.WholeLog;

    /// <summary>The whole log's size in bytes, also past the limit; 0 unless kept.</summary>
    public long WholeLogBytes() => _log.WholeLogBytes;

    /// <summary>The termination message of a failed container whose policy is FallbackToLogsOnError and whose file is empty.</summary>
    public string? FallbackMessage()
    {
        var text = string.Join("\n", LastLines(FallbackLines));
        var bytes = Encoding.UTF8.GetBytes(text);
        return bytes.Length == 0 ? null : bytes.Length <= FallbackBytes ? text : Encoding.UTF8.GetString(bytes, bytes.Length - FallbackBytes, FallbackBytes);
    }
}
