using System;
using System.Globalization;
using System.IO;
using Microsoft.Extensions.Logging;

namespace Flows.Cli;

/// <summary>
/// Writes log lines to the run's output writer, synchronously and in order with the state lines:
/// <c>HH:mm:ss.fff  TaskName  info: message</c>. The task name comes from the logging scope that the
/// runner opens for each task.
/// </summary>
internal sealed class TaskLogWriterProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly TextWriter _output;
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    private readonly bool _messagesOnly;

    /// <param name="messagesOnly">Write only the message (with its level when it is not Information): in a pod task's container,
    /// whose log lines the runner that created the pod prints with its own time and task name.</param>
    public TaskLogWriterProvider(TextWriter output, bool messagesOnly = false)
    {
        _output = output;
        _messagesOnly = messagesOnly;
    }

    public ILogger CreateLogger(string categoryName) => new TaskLogWriter(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class TaskLogWriter : ILogger
    {
        private readonly TaskLogWriterProvider _provider;
        private readonly string _category;

        public TaskLogWriter(TaskLogWriterProvider provider, string category)
        {
            _provider = provider;
            _category = category;
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => _provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            string? taskName = null;
            _provider._scopes.ForEachScope((scope, _) =>
            {
                if (scope is System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, object?>> values)
                {
                    foreach (var (key, value) in values)
                    {
                        if (key == "TaskName" && value is string name)
                        {
                            taskName = name;
                        }
                    }
                }
            }, (object?)null);
            var source = taskName ?? _category;
            var line = _provider._messagesOnly
                ? (logLevel == LogLevel.Information ? "" : Level(logLevel) + ": ") + formatter(state, exception)
                : string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.Now:HH:mm:ss.fff}  {source}  {Level(logLevel)}: {formatter(state, exception)}");
            if (exception is not null && logLevel >= LogLevel.Error)
            {
                line += Environment.NewLine + "    " + exception.GetType().FullName + ": " + exception.Message;
            }
            _provider._output.WriteLine(line);
        }

        private static string Level(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
    }
}
