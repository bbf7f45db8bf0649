using System;

namespace Flows.Kubernetes;

/// <summary>
/// A container the kubelet cannot create (<c>CreateContainerConfigError</c>, <c>CreateContainerError</c>): its spec and
/// the node disagree (a runAsNonRoot container whose image runs as root, a missing Secret or ConfigMap key, a command
/// the runtime rejects), which waiting does not change, so it ends the run at once with the kubelet's message. The
/// container runtime's own hiccups that the kubelet does get past are the exception, left to the usual wait.
/// </summary>
internal static class ContainerCreationProblem
{
    public static bool IsCreationReason(string reason) => reason is "CreateContainerConfigError" or "CreateContainerError";

    public static bool IsFatal(string reason, string? message) =>
        reason == "CreateContainerConfigError"
        || !(message is not null && (message.Contains("failed to reserve container name", StringComparison.Ordinal)
                                     || message.Contains("context deadline exceeded", StringComparison.Ordinal)));

    /// <summary>What to do, for the kubelet's runAsNonRoot refusals; empty for the others, whose message says it.</summary>
    public static string Hint(string? message) =>
        message is null ? ""
        : message.Contains("runAsNonRoot and image will run as root", StringComparison.Ordinal)
            ? " (the image's USER is root: run it as a numeric non-root user with securityContext.runAsUser, build it with one, or set runAsNonRoot: false)"
        : message.Contains("runAsNonRoot and image has non-numeric user", StringComparison.Ordinal)
            ? " (the kubelet can only check a numeric user: set securityContext.runAsUser to its uid, or make the image's USER numeric)"
        : message.Contains("runAsUser breaks non-root policy", StringComparison.Ordinal)
            ? " (runAsUser 0 is root: choose another runAsUser, or set runAsNonRoot: false)"
        : "";
}
