using System;

namespace Flows;

/// <summary>
/// Marks a static method of a flow class as a task. The task's name is the method's name, so a
/// <c>nameof</c> reference to it survives a rename.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class FlowTaskAttribute : Attribute
{
    /// <summary>How many times a failed or timed-out attempt is tried again (Prefect's <c>max_retries</c>).</summary>
    public int Retries { get; set; }

    /// <summary>Seconds to wait between attempts (Prefect's <c>retry_delay</c>).</summary>
    public double RetryDelaySeconds { get; set; }

    /// <summary>Seconds one attempt may take before it is cancelled and counted as timed out; 0 means no limit.</summary>
    public double TimeoutSeconds { get; set; }

    /// <summary>When the task runs, given the final states of its upstream tasks.</summary>
    public TaskTrigger Trigger { get; set; } = TaskTrigger.AllSuccessful;
}
