using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Flows.Kubernetes.Tests.Support;

/// <summary>A logger factory that keeps every entry, in order, for assertions and for assertion messages.</summary>
internal sealed class CapturedLog : ILoggerFactory
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToList();

    /// <summary>The primary container's log lines, as the pod runner passed them on.</summary>
    public IReadOnlyList<string> PodLogLines => Entries.Where(e => e.IsPodLogLine).Select(e => e.Message).ToList();

    /// <summary>Called with each entry as it is logged.</summary>
    public Action<LogEntry>? OnEntry { get; set; }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    public override string ToString() => string.Join("\n", Entries);

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var isPodLogLine = state is IEnumerable<KeyValuePair<string, object?>> values && values.Any(v => v.Key == "PodLogLine");
            var entry = new LogEntry(category, logLevel, formatter(state, exception), exception, isPodLogLine);
            log._entries.Enqueue(entry);
            log.OnEntry?.Invoke(entry);
        }
    }
}

internal sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception, bool IsPodLogLine)
{
    public override string ToString() => $"[{Level}] {Category}: {Message}" + (Exception is null ? "" : $" ({Exception.GetType().Name}: {Exception.Message})");
}
