using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace Flows.Runtime.Tests.Support;

/// <summary>A logger provider that keeps every log line with the key/value pairs of the scopes around it.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly object _gate = new();
    private readonly List<CapturedLog> _logs = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Logs
    {
        get
        {
            lock (_gate)
            {
                return _logs.ToArray();
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private void Add(CapturedLog log)
    {
        lock (_gate)
        {
            _logs.Add(log);
        }
    }

    private sealed class CapturingLogger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopeValues = new Dictionary<string, object?>(StringComparer.Ordinal);
            provider._scopes.ForEachScope(static (scope, values) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var pair in pairs)
                    {
                        values[pair.Key] = pair.Value;
                    }
                }
            }, scopeValues);
            provider.Add(new CapturedLog(category, logLevel, formatter(state, exception), scopeValues));
        }
    }
}

internal sealed record CapturedLog(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Scope);
