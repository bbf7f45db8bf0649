using System;

namespace Flows.Kubernetes;

/// <summary>How <see cref="KubernetesPodTaskRunner"/> treats task pods.</summary>
public sealed class KubernetesPodTaskRunnerOptions
{
    /// <summary>Leave each task pod in the cluster when its task ends (for debugging); by default it is deleted.</summary>
    public bool KeepPods { get; init; }

    /// <summary>
    /// How long a problem the pod may recover from (Unschedulable, CrashLoopBackOff, RunContainerError, ...) may last
    /// before the task fails with it. Image pull failures, containers the kubelet cannot create and failed pods fail the task at once.
    /// </summary>
    public TimeSpan ProblemTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
