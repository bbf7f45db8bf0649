using System;
using System.Collections.Generic;

namespace Flows;

/// <summary>One task of a <see cref="FlowDefinition"/>.</summary>
public sealed class TaskDefinition
{
    public TaskDefinition(
        int index,
        string name,
        TaskTrigger trigger,
        int retries,
        TimeSpan retryDelay,
        TimeSpan? timeout,
        string? resultTypeName,
        IReadOnlyList<TaskEdge> upstream,
        PodTaskDefinition? pod = null)
    {
        Pod = pod;
        Index = index;
        Name = name;
        Trigger = trigger;
        Retries = retries;
        RetryDelay = retryDelay;
        Timeout = timeout;
        ResultTypeName = resultTypeName;
        Upstream = upstream;
    }

    public int Index { get; }

    /// <summary>The task method's name.</summary>
    public string Name { get; }

    public TaskTrigger Trigger { get; }

    public int Retries { get; }

    public TimeSpan RetryDelay { get; }

    public TimeSpan? Timeout { get; }

    /// <summary>The C# type of the task's result, or <c>null</c> for a task that returns nothing.</summary>
    public string? ResultTypeName { get; }

    /// <summary>The edges from upstream tasks into this task.</summary>
    public IReadOnlyList<TaskEdge> Upstream { get; }

    /// <summary>
    /// The generated JSON metadata of the task's result, with which a run store records it (no reflection); null when the
    /// definition carries none, and then no result is recorded.
    /// </summary>
    public System.Text.Json.Serialization.Metadata.JsonTypeInfo? ResultJson { get; init; }

    /// <summary>How the task runs in its own pod ([PodTask] or [ContainerTask]); null for a task that runs in the flow's process.</summary>
    public PodTaskDefinition? Pod { get; }
}
