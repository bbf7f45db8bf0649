using System;
using Microsoft.Extensions.Logging;

namespace Flows;

/// <summary>How to run a flow.</summary>
public sealed class FlowRunOptions
{
    /// <summary>The default bound on concurrently running tasks.</summary>
    public static int DefaultMaxParallelism => Math.Max(4, Environment.ProcessorCount);

    /// <summary>The flow run id; when null, <c>FLOWS__CONTEXT__FLOW_RUN_ID</c> from the environment, else a new id.</summary>
    public string? FlowRunId { get; set; }

    /// <summary>How many tasks may run at once.</summary>
    public int MaxParallelism { get; set; } = DefaultMaxParallelism;

    public FlowParameterValues Parameters { get; set; } = FlowParameterValues.Empty;

    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Called on every task state change, from the thread that made it.</summary>
    public Action<TaskStateChange>? OnTaskStateChanged { get; set; }

    /// <summary>
    /// Runs pod tasks ([PodTask], [ContainerTask]) in their own pods: on Kubernetes (Flows.Kubernetes) or on the local
    /// Docker engine (Flows.Docker). Null: a [PodTask]'s body runs in this process, and a [ContainerTask] fails, saying so.
    /// </summary>
    public IPodTaskRunner? PodTaskRunner { get; set; }

    /// <summary>Where the run is recorded (<see cref="Runs.SqliteRunStore"/>, PostgreSQL); null: it is not.</summary>
    public Runs.IRunStore? Store { get; set; }

    /// <summary>Where the store says the run ran; null: a Job's when the run context names one, else in-process.</summary>
    public Runs.RunLocation? Location { get; set; }

    /// <summary>
    /// Time between the recorded run's heartbeats; null: <see cref="Runs.RunHeartbeat.Interval"/> (FLOWS__HEARTBEAT_SECONDS, else 10 s).
    /// Readers take a run for crashed after <see cref="Runs.RunHeartbeat.MissedBeforeCrashed"/> of their own intervals: keep both the same.
    /// </summary>
    public TimeSpan? HeartbeatInterval { get; set; }

    /// <summary>The image of sidecar tasks' primary containers; null: FLOWS__CONTEXT__IMAGE, else the flow's [DockerStorage] image.</summary>
    public string? PodTaskImage { get; set; }

    /// <summary>The namespace of task pods; null: FLOWS__CONTEXT__NAMESPACE, else the flow's job namespace, else "default".</summary>
    public string? PodTaskNamespace { get; set; }
}

/// <summary>A task entered a new state.</summary>
public readonly record struct TaskStateChange(
    string TaskName,
    TaskRunState State,
    int Attempt,
    DateTimeOffset Timestamp,
    string? Message);
