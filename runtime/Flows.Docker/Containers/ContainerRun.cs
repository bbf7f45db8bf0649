namespace Flows.Docker;

/// <summary>A container run to completion: its id (already removed), exit code and logs.</summary>
public sealed record ContainerRun(string ContainerId, long ExitCode, ContainerLogs Logs);
