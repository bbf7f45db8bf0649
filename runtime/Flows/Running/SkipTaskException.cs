using System;

namespace Flows;

/// <summary>Thrown by a task body to end the task as <see cref="TaskRunState.Skipped"/> (Prefect's <c>SKIP</c> signal).</summary>
public sealed class SkipTaskException : Exception
{
    public SkipTaskException(string reason) : base(reason) { }
}
