namespace Flows.Docker.LocalJobs.Running;

public enum LocalJobResult
{
    /// <summary>The primary container exited with 0.</summary>
    Succeeded,

    /// <summary>The primary exited with another code, an init container failed, the deadline passed, or the engine refused.</summary>
    Failed,

    /// <summary>Ctrl+C or SIGTERM.</summary>
    Cancelled,

    /// <summary>Containers or volumes of a run with the same identifier are still there (an earlier --keep): nothing was started.</summary>
    AlreadyExists,
}

/// <summary>How a local run of a Job's pod ended.</summary>
/// <param name="PrimaryExitCode">The primary container's exit code, when it ran to its end.</param>
/// <param name="Message">Why it failed, for the last line the command prints.</param>
public sealed record LocalJobOutcome(LocalJobResult Result, long? PrimaryExitCode = null, string? Message = null);
