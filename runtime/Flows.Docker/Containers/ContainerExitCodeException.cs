using System;

namespace Flows.Docker;

/// <summary>A container ended with a non-zero exit code, and the wait was asked to fail on that.</summary>
public sealed class ContainerExitCodeException : Exception
{
    public ContainerExitCodeException(string containerId, long exitCode, string? daemonError = null)
        : base($"Container {ContainerIds.Short(containerId)} exited with code {exitCode}{(string.IsNullOrEmpty(daemonError) ? "" : ": " + daemonError)}.")
    {
        ContainerId = containerId;
        ExitCode = exitCode;
    }

    public string ContainerId { get; }

    public long ExitCode { get; }
}
