using System;
using System.Collections.Generic;
using System.Linq;

namespace Flows;

/// <summary>The outcome of one task in a flow run.</summary>
public sealed record TaskRunResult(
    string Name,
    TaskRunState State,
    int Attempts,
    TimeSpan Duration,
    string? Message,
    Exception? Error,
    object? Result);

/// <summary>The outcome of a flow run.</summary>
public sealed class FlowRunResult
{
    internal FlowRunResult(string flowName, string flowRunId, FlowRunState state, IReadOnlyList<TaskRunResult> tasks, TimeSpan duration, string? storeWarning = null)
    {
        StoreWarning = storeWarning;
        FlowName = flowName;
        FlowRunId = flowRunId;
        State = state;
        Tasks = tasks;
        Duration = duration;
    }

    public string FlowName { get; }

    public string FlowRunId { get; }

    public FlowRunState State { get; }

    /// <summary>Every task, in the flow's topological order.</summary>
    public IReadOnlyList<TaskRunResult> Tasks { get; }

    public TimeSpan Duration { get; }

    /// <summary>What the run store could not record, as one warning line; null when it recorded everything or there is no store.</summary>
    public string? StoreWarning { get; }

    public bool IsSuccess => State == FlowRunState.Success;

    public TaskRunResult this[string taskName] =>
        Tasks.FirstOrDefault(t => t.Name == taskName)
        ?? throw new ArgumentException($"Flow '{FlowName}' has no task named '{taskName}'.", nameof(taskName));
}
