using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace Flows.Docker.Tests.Support;

/// <summary>A logger (and provider) that keeps every message.</summary>
internal sealed class CapturingLogger : ILogger, ILoggerProvider
{
    private readonly List<string> _messages = new();

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_messages)
            {
                return _messages.ToArray();
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_messages)
        {
            _messages.Add($"{logLevel}: {formatter(state, exception)}");
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void Dispose()
    {
    }
}
