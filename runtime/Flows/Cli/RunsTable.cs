using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Flows.Runs;

namespace Flows.Cli;

/// <summary>The tables of <c>runs</c> and <c>runs show</c>.</summary>
internal static class RunsTable
{
    public static void Write(TextWriter output, IReadOnlyList<RunRecord> runs)
    {
        if (runs.Count == 0)
        {
            output.WriteLine("No runs.");
            return;
        }
        var idWidth = Math.Max(2, runs.Max(r => r.RunId.Length));
        var flowWidth = Math.Max(4, runs.Max(r => r.Flow.Length));
        output.WriteLine($"{"Id".PadRight(idWidth)}  {"Flow".PadRight(flowWidth)}  {"State",-9}  {"Started",-19}  {"Duration",10}  Where");
        foreach (var run in runs)
        {
            output.WriteLine($"{run.RunId.PadRight(idWidth)}  {run.Flow.PadRight(flowWidth)}  {run.State,-9}  {FormatTime(run.Started),-19}  {FormatDuration(run.Duration),10}  {run.Location?.ToString() ?? "-"}");
        }
    }

    public static void WriteRun(TextWriter output, StoredRun stored, FlowDefinition? flow)
    {
        var run = stored.Run;
        output.WriteLine($"Run {run.RunId} of '{run.Flow}': {run.State}, started {FormatTime(run.Started)}, {FormatDuration(run.Duration)}, {run.Location?.ToString() ?? "-"}");
        if (run.ResumedFrom is not null)
        {
            output.WriteLine($"Resumed from {run.ResumedFrom}");
        }
        output.WriteLine($"Parameters: {run.ParametersJson}");
        var tasks = StoredTask.InGraphOrder(stored, flow);
        if (tasks.Count == 0)
        {
            output.WriteLine("No task started.");
            return;
        }
        var nameWidth = Math.Max(4, tasks.Max(t => t.Name.Length));
        output.WriteLine();
        output.WriteLine($"{"Task".PadRight(nameWidth)}  {"State",-13}  {"Attempts",8}  {"Duration",10}  Error");
        foreach (var task in tasks)
        {
            var last = task.Last;
            var error = last.ErrorType is null ? "" : $"{ShortTypeName(last.ErrorType)}: {last.ErrorMessage}";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{task.Name.PadRight(nameWidth)}  {last.State,-13}  {task.AttemptCount,8}  {FormatDuration(task.Duration),10}  {error}").TrimEnd());
        }
    }

    internal static string FormatDuration(TimeSpan? duration) => duration is { } value ? ConsoleRunReporter.FormatDuration(value) : "-";

    private static string FormatTime(DateTimeOffset time) => time.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string ShortTypeName(string fullName) => fullName[(fullName.LastIndexOf('.') + 1)..];
}

/// <summary>One task of a stored run: its attempts, in order.</summary>
internal sealed record StoredTask(string Name, IReadOnlyList<TaskAttemptRecord> Attempts)
{
    public TaskAttemptRecord Last => Attempts[^1];

    /// <summary>Attempts the task made (a task its trigger decided has none).</summary>
    public int AttemptCount => Attempts.Count(a => a.Attempt > 0);

    /// <summary>From its first attempt's start to its last attempt's end (retry delays included).</summary>
    public TimeSpan? Duration => Last.Ended - Attempts[0].Started;

    /// <summary>In the flow's topological order when the flow is known; else in the order they started.</summary>
    public static IReadOnlyList<StoredTask> InGraphOrder(StoredRun run, FlowDefinition? flow)
    {
        var byTask = run.Attempts.GroupBy(a => a.Task, StringComparer.Ordinal)
            .Select(g => new StoredTask(g.Key, g.OrderBy(a => a.Attempt).ToList()))
            .ToList();
        if (flow is null)
        {
            return byTask;
        }
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var position = 0; position < flow.TopologicalOrder.Count; position++)
        {
            rank[flow.Tasks[flow.TopologicalOrder[position]].Name] = position;
        }
        return byTask.OrderBy(t => rank.TryGetValue(t.Name, out var position) ? position : int.MaxValue).ToList();
    }
}
