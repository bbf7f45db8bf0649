using Flows.Generators.Core;
using Flows.Generators.Jobs;
using Flows.Generators.PodTasks;

namespace Flows.Generators.Flows;

/// <summary>A flow and, when it has a usable Kubernetes job environment, its job.</summary>
internal sealed record FlowWithJob(FlowModel Flow, JobSpecModel? Job, string? ProjectFile)
{
    /// <summary>The checked pod spec of each pod task.</summary>
    public EquatableArray<TaskCheckedPod> Pods { get; init; }

    /// <summary>A pod task's spec has errors (the analyzer reports them): nothing is emitted for the flow.</summary>
    public bool HasPodErrors { get; init; }
}
