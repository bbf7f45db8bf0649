using System;

namespace Flows;

/// <summary>
/// Runs a task in its own pod (Flyte's sidecar task): the pod spec file (a YAML Pod or PodSpec, an
/// AdditionalFile checked at build time) gives the other containers, volumes and pod settings, and
/// the task's C# body runs in the container named <see cref="PrimaryContainer"/>, in the flow's
/// image. The task is finished when that container ends, even while sidecars still run.
/// Its image, command, args, resources and env are set by Flows for each run (from this attribute).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class PodTaskAttribute : Attribute
{
    /// <param name="podSpecFile">The pod spec YAML, relative to the project directory.</param>
    /// <param name="primaryContainer">The container that runs the task's body; added to the pod when the spec lacks it.</param>
    public PodTaskAttribute(string podSpecFile, string primaryContainer)
    {
        PodSpecFile = podSpecFile;
        PrimaryContainer = primaryContainer;
    }

    public string PodSpecFile { get; }

    public string PrimaryContainer { get; }

    /// <summary>The primary container's CPU request, a Kubernetes quantity such as <c>250m</c> or <c>1</c>.</summary>
    public string? CpuRequest { get; set; }

    public string? CpuLimit { get; set; }

    /// <summary>The primary container's memory request, a Kubernetes quantity such as <c>128Mi</c>.</summary>
    public string? MemoryRequest { get; set; }

    public string? MemoryLimit { get; set; }

    /// <summary>The primary container's environment, as <c>NAME=value</c> entries.</summary>
    public string[]? Environment { get; set; }
}
