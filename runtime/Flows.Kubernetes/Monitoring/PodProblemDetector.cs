using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Flows.Kubernetes;

/// <summary>
/// Reads a pod's status for the problems that keep a flow from running:
/// image pulls that keep failing (<c>ImagePullBackOff</c>, <c>InvalidImageName</c>, <c>ErrImageNeverPull</c>: fatal),
/// containers that cannot be created (<c>CreateContainerConfigError</c>, <c>CreateContainerError</c>: fatal, see
/// <see cref="ContainerCreationProblem"/>), a pod the scheduler cannot place (<c>Unschedulable</c>), containers that keep
/// crashing (<c>RunContainerError</c>, <c>CrashLoopBackOff</c>),
/// containers killed for memory (<c>OOMKilled</c>), and pods that failed as a whole (<c>DeadlineExceeded</c>,
/// <c>Evicted</c>, any other reason: fatal).
/// A single <c>ErrImagePull</c> is not reported: the kubelet retries it, and reports <c>ImagePullBackOff</c> when that failed too.
/// </summary>
internal static class PodProblemDetector
{
    public static IEnumerable<PodProblem> Detect(JsonObject pod)
    {
        var podName = JsonFields.Name(pod);
        foreach (var condition in JsonFields.Objects(pod, "status", "conditions"))
        {
            if (JsonFields.String(condition, "type") == "PodScheduled" && JsonFields.String(condition, "status") == "False"
                && JsonFields.String(condition, "reason") == "Unschedulable")
            {
                yield return new PodProblem(podName, podName + "/Unschedulable", "Unschedulable",
                    JsonFields.String(condition, "message") ?? "the scheduler cannot place the pod on any node", IsFatal: false);
            }
        }

        foreach (var container in ContainerStatusView.All(pod))
        {
            if (container.Waiting is { } waiting && JsonFields.String(waiting, "reason") is { } reason)
            {
                var message = JsonFields.String(waiting, "message");
                switch (reason)
                {
                    case "ImagePullBackOff" or "InvalidImageName" or "ErrImageNeverPull":
                        yield return new PodProblem(podName, $"{podName}/{container.Name}/image", reason,
                            $"container '{container.Name}' cannot pull image '{container.Image}'{Suffix(message)}", IsFatal: true);
                        break;
                    case var creation when ContainerCreationProblem.IsCreationReason(creation):
                        yield return new PodProblem(podName, $"{podName}/{container.Name}/{reason}", reason,
                            $"container '{container.Name}'{Suffix(message)}{ContainerCreationProblem.Hint(message)}", IsFatal: ContainerCreationProblem.IsFatal(reason, message));
                        break;
                    case "CrashLoopBackOff" or "RunContainerError":
                        yield return new PodProblem(podName, $"{podName}/{container.Name}/{reason}", reason,
                            $"container '{container.Name}'{Suffix(message)}", IsFatal: false);
                        break;
                }
            }
            foreach (var terminated in new[] { container.Terminated, container.LastTerminated })
            {
                if (JsonFields.String(terminated, "reason") == "OOMKilled")
                {
                    yield return new PodProblem(podName, $"{podName}/{container.Name}/OOMKilled", "OOMKilled",
                        $"container '{container.Name}' was killed for using more memory than its limit (exit code {JsonFields.Integer(terminated, "exitCode")}); raise resources.limits.memory",
                        IsFatal: false);
                }
            }
        }

        if (JsonFields.String(pod, "status", "phase") == "Failed")
        {
            var reason = JsonFields.String(pod, "status", "reason");
            if (reason is not null)
            {
                yield return new PodProblem(podName, $"{podName}/failed", reason,
                    JsonFields.String(pod, "status", "message") ?? "the pod failed", IsFatal: true);
            }
        }
    }

    /// <summary>The problem of a pod that disappeared before its flow container finished.</summary>
    public static PodProblem Deleted(string podName) =>
        new(podName, podName + "/deleted", "PodDeleted",
            "the pod was deleted before its flow container finished (evicted, preempted, or deleted by someone)", IsFatal: true);

    private static string Suffix(string? message) => string.IsNullOrWhiteSpace(message) ? "" : ": " + message;
}
