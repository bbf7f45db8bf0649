namespace Flows.Docker.LocalJobs.Running;

/// <summary>How the primary container of a local pod ended.</summary>
/// <param name="TerminationMessage">What it wrote to its terminationMessagePath, cut at 4096 bytes; null when nothing, or when the run does not read it (<see cref="LocalJobOptions.ReadTerminationMessage"/>).</param>
public sealed record LocalPrimaryExit(string ContainerName, long ExitCode, bool OomKilled, string? TerminationMessage)
{
    /// <summary>The container's reason as Kubernetes reports it: <c>OOMKilled</c>, <c>Completed</c> or <c>Error</c>.</summary>
    public string Reason => OomKilled ? "OOMKilled" : ExitCode == 0 ? "Completed" : "Error";

    public string Describe() => $"container '{ContainerName}' exited with code {ExitCode}{(OomKilled ? " (OOMKilled: it went over its memory limit)" : "")}";
}
