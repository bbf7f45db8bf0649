using System;

namespace Flows;

/// <summary>A pod task that did not succeed: its Pod could not run, its primary container failed, or its result could not come back.</summary>
public sealed class PodTaskException : Exception
{
    public PodTaskException(string message, int? exitCode = null, Exception? inner = null) : base(message, inner) => ExitCode = exitCode;

    /// <summary>The primary container's exit code, when it ran.</summary>
    public int? ExitCode { get; }
}
