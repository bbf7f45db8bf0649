using System;

namespace Flows;

/// <summary>
/// A task that runs <see cref="Image"/> with <see cref="Command"/> and <see cref="Args"/> in its own pod
/// (Airflow's KubernetesPodOperator). Declare it as a body-less <c>static partial</c> method; the
/// generator implements it. Its parameters (bound with <c>[FromTask]</c> or as flow parameters) can be
/// used in <see cref="Args"/>, <see cref="Command"/> and <see cref="Environment"/> values as
/// <c>{name}</c>. A task returning <c>string</c> (or <c>Task&lt;string&gt;</c>) gets the container's
/// log as its result; its log is streamed to the task's logger either way.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class ContainerTaskAttribute : Attribute
{
    public ContainerTaskAttribute(string image) => Image = image;

    /// <summary>The image to run, e.g. <c>localhost:5000/busybox:1</c>.</summary>
    public string Image { get; }

    /// <summary>The container's entrypoint (Kubernetes <c>command</c>); the image's own when null.</summary>
    public string[]? Command { get; set; }

    /// <summary>The container's arguments (Kubernetes <c>args</c>).</summary>
    public string[]? Args { get; set; }

    public string? CpuRequest { get; set; }

    public string? CpuLimit { get; set; }

    public string? MemoryRequest { get; set; }

    public string? MemoryLimit { get; set; }

    /// <summary>The container's environment, as <c>NAME=value</c> entries.</summary>
    public string[]? Environment { get; set; }

    /// <summary>An optional pod spec file (YAML Pod or PodSpec) for sidecars, volumes and pod settings; the task's container is named <c>task</c>.</summary>
    public string? PodSpecFile { get; set; }
}
