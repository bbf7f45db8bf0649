using System;
using System.Globalization;
using System.IO;

namespace Flows.Cli;

/// <summary>Prints task state changes as they happen and, at the end, a table of every task.</summary>
internal sealed class ConsoleRunReporter
{
    private readonly TextWriter _output;
    private readonly object _gate = new();
    private readonly int _nameWidth;

    public ConsoleRunReporter(TextWriter output, FlowDefinition flow)
    {
        _output = output;
        var width = 4;
        foreach (var task in flow.Tasks)
        {
            width = Math.Max(width, task.Name.Length);
        }
        _nameWidth = width;
    }

    public void OnStateChanged(TaskStateChange change)
    {
        if (change.State == TaskRunState.Pending)
        {
            return;
        }
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{change.Timestamp.ToLocalTime():HH:mm:ss.fff}  {change.TaskName.PadRight(_nameWidth)}  {change.State}");
        if (change.State == TaskRunState.Running && change.Attempt > 1)
        {
            line += $" (attempt {change.Attempt})";
        }
        if (!string.IsNullOrEmpty(change.Message))
        {
            line += ": " + change.Message;
        }
        lock (_gate)
        {
            _output.WriteLine(line);
        }
    }

    public void PrintSummary(FlowRunResult result)
    {
        lock (_gate)
        {
            _output.WriteLine();
            _output.WriteLine($"{"Task".PadRight(_nameWidth)}  {"State",-13}  {"Attempts",8}  {"Duration",10}");
            foreach (var task in result.Tasks)
            {
                _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{task.Name.PadRight(_nameWidth)}  {task.State,-13}  {task.Attempts,8}  {FormatDuration(task.Duration),10}"));
            }
            _output.WriteLine();
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Flow '{result.FlowName}' run {result.FlowRunId}: {result.State} in {FormatDuration(result.Duration)}"));
        }
    }

    internal static string FormatDuration(TimeSpan duration) =>
        duration.TotalSeconds >= 1
            ? duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + "s"
            : duration.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + "ms";
}
