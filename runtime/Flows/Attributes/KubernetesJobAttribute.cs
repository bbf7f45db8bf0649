using System;

namespace Flows;

/// <summary>
/// Runs the flow as a Kubernetes Job (Prefect's <c>KubernetesJobEnvironment</c>). The Job comes from the
/// job-spec YAML file, which is checked at build time and patched for every run: labels <c>identifier</c>
/// and <c>flow_run_id</c>, a unique Job name, and the flow container's image, command, args and env.
/// Without a file, a default Job is used (one container, restartPolicy Never). The image comes from
/// <see cref="DockerStorageAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class KubernetesJobAttribute : Attribute
{
    /// <summary>A Job with no spec file: one container, restartPolicy Never, the default namespace.</summary>
    public KubernetesJobAttribute() { }

    /// <param name="jobSpecFile">The job-spec YAML, relative to the project folder; it must be an AdditionalFile (the Flows package adds *.yaml and *.yml).</param>
    public KubernetesJobAttribute(string jobSpecFile) => JobSpecFile = jobSpecFile;

    public string? JobSpecFile { get; }

    /// <summary>
    /// The name of the container that runs the flow. When not set, the first container runs it
    /// (Prefect's rule); naming it avoids the most reported confusion of position-based rules.
    /// </summary>
    public string? PrimaryContainer { get; set; }

    /// <summary>The namespace to submit to when <c>--namespace</c> is not given; default: the job spec's <c>metadata.namespace</c>, else "default".</summary>
    public string? Namespace { get; set; }
}
