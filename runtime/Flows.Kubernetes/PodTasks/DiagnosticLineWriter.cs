using System;
using Microsoft.Extensions.Logging;

namespace Flows.Kubernetes;

/// <summary>
/// Turns the lines the Kubernetes monitoring code prints for a terminal (<c>error: ...</c>, <c>warning: ...</c>,
/// <c>note: ...</c>) into log entries of the task at that level, without the prefix.
/// </summary>
internal sealed class DiagnosticLineWriter : LineWriter
{
    private readonly ILogger _logger;

    public DiagnosticLineWriter(ILogger logger) => _logger = logger;

    protected override void WriteCompleteLine(string line)
    {
        var (level, message) = Classify(line);
        _logger.Log(level, "{KubernetesMessage}", message);
    }

    public static (LogLevel Level, string Message) Classify(string line) =>
        line.StartsWith("error: ", StringComparison.Ordinal) ? (LogLevel.Error, line.Substring(7))
        : line.StartsWith("warning: ", StringComparison.Ordinal) ? (LogLevel.Warning, line.Substring(9))
        : line.StartsWith("note: ", StringComparison.Ordinal) ? (LogLevel.Information, line.Substring(6))
        : (LogLevel.Information, line);
}
