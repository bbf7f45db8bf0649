using System;
using System.Text.Json.Nodes;
using Flows.Manifests;

namespace Flows;

/// <summary>
/// How a task runs in its own pod, emitted by the generator from [PodTask] or [ContainerTask] and the
/// pod spec checked at build time, with the generated code that builds the task's Pod for one run.
/// </summary>
public sealed class PodTaskDefinition
{
    private readonly Func<PodTaskRunInfo, JsonObject> _createPod;

    public PodTaskDefinition(PodTaskKind kind, string? podSpecFile, string primaryContainerName, string podBaseName, string? image, bool resultIsLog,
        Func<PodTaskRunInfo, JsonObject> createPod)
    {
        Kind = kind;
        PodSpecFile = podSpecFile;
        PrimaryContainerName = primaryContainerName;
        PodBaseName = podBaseName;
        Image = image;
        ResultIsLog = resultIsLog;
        _createPod = createPod;
    }

    public PodTaskKind Kind { get; }

    /// <summary>The pod spec file as named on the attribute; null for a container task without one.</summary>
    public string? PodSpecFile { get; }

    /// <summary>The container whose end is the task's end.</summary>
    public string PrimaryContainerName { get; }

    /// <summary>The Pod name before the per-run suffix, as the generator computed it: <see cref="TaskKubernetesNames.PodNamePart"/> of the task's name.</summary>
    public string PodBaseName { get; }

    /// <summary>A container task's image; null for a sidecar task, which runs in the flow's image.</summary>
    public string? Image { get; }

    /// <summary>The task's result is its container's log (a container task returning string).</summary>
    public bool ResultIsLog { get; }

    /// <summary>The Pod for one run of the task, as a new JSON object.</summary>
    public JsonObject CreatePod(PodTaskRunInfo run) => _createPod(run);
}
