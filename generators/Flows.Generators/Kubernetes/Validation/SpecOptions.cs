using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.Validation;

/// <summary>
/// What Flows changes in a spec before it reaches the API server, so that the checks judge what is sent: the fields
/// Flows overwrites are not the user's to get wrong, and a container Flows adds need not be in the file.
/// </summary>
internal sealed class SpecOptions
{
    /// <summary>The name of the container that runs the flow or the task (its image and command come from Flows).</summary>
    public string? FlowsContainer { get; set; }

    /// <summary>When <see cref="FlowsContainer"/> is null: the index in <c>containers</c> of the container Flows runs in (a Job's first, even without a name).</summary>
    public int? FlowsContainerIndex { get; set; }

    /// <summary>The fields of <see cref="FlowsContainer"/> that Flows replaces (a Job: image, command, args).</summary>
    public IReadOnlyCollection<string> OverwrittenFields { get; set; } = new[] { "image", "command", "args" };

    /// <summary>A pod task: Flows adds <see cref="FlowsContainer"/> when the pod spec lacks it.</summary>
    public bool FlowsAddsContainer { get; set; }

    /// <summary>Flows sets restartPolicy: Never when the spec has none (pod tasks).</summary>
    public bool FlowsDefaultsRestartPolicyToNever { get; set; }

    /// <summary>Flows sets metadata.name (a Job's or Pod's name comes from the spec's or the flow's, cut to fit, plus a run suffix).</summary>
    public bool FlowsSetsName { get; set; } = true;
}
