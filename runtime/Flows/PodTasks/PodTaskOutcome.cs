using System.Collections.Generic;

namespace Flows;

/// <summary>How a pod task's primary container ended.</summary>
/// <param name="ExitCode">The primary container's exit code.</param>
/// <param name="Reason">The container runtime's reason, e.g. <c>Completed</c>, <c>Error</c>, <c>OOMKilled</c>.</param>
/// <param name="TerminationMessage">The primary container's termination message, or null.</param>
/// <param name="LogTail">The last lines of the primary container's log.</param>
/// <param name="Log">The whole log, when the request asked for it and it is at most <see cref="PodTaskOutputLimits.MaxResultBytes"/>.</param>
/// <param name="LogBytes">The size of the whole log in UTF-8 bytes, when the request asked for it: also when it was too large to keep.</param>
public sealed record PodTaskOutcome(int ExitCode, string? Reason, string? TerminationMessage, IReadOnlyList<string> LogTail, string? Log = null, long LogBytes = 0)
{
    public const int LogTailLines = 20;
}
