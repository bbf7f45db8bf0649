using System;
using System.Collections.Generic;

namespace Flows.Runs;

/// <summary>Where a run ran: <see cref="InProcess"/>, a local pod, or a Kubernetes Job (with its Job and pod names when known).</summary>
public sealed record RunLocation(string Kind, string? JobName = null, string? PodName = null)
{
    public const string InProcessKind = "in-process";
    public const string LocalPodKind = "local-pod";
    public const string KubernetesJobKind = "kubernetes-job";

    public static RunLocation InProcess { get; } = new(InProcessKind);

    /// <summary>A Job's run when the run context names its Job (FLOWS__CONTEXT__JOB_NAME; the pod is the host name), else in-process.</summary>
    public static RunLocation FromContext(IReadOnlyDictionary<string, string> contextVariables) =>
        contextVariables.TryGetValue(FlowContextVariables.JobName, out var job) && job.Length > 0
            ? new RunLocation(KubernetesJobKind, job, Environment.GetEnvironmentVariable("HOSTNAME"))
            : InProcess;

    /// <summary>As the <c>runs</c> table shows it.</summary>
    public override string ToString() =>
        PodName is not null ? $"{Kind} {JobName}/{PodName}" : JobName is not null ? $"{Kind} {JobName}" : Kind;
}
