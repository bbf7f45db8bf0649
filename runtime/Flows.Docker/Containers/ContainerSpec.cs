using System.Collections.Generic;

namespace Flows.Docker;

/// <summary>What to create a container from: the arguments of <c>docker create</c> that a task needs.</summary>
/// <param name="Image">An image the daemon has, for example the result of <see cref="DockerEngine.PullImageAsync"/>.</param>
public sealed record ContainerSpec(string Image)
{
    /// <summary>The command (the image's CMD when null), for example <c>["/bin/sh", "-c", "echo hi"]</c>.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Replaces the image's ENTRYPOINT when set.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>
    /// Adds the task's <c>FLOWS__CONTEXT__*</c> variables (flow name, run id, task name, attempt) to the
    /// container's environment, so that a Flows application inside it joins the run.
    /// </summary>
    public bool PassFlowContext { get; init; }

    /// <summary>Bind mounts and named volumes as <c>docker run -v</c> writes them: <c>/host/path:/in/container[:ro]</c> or <c>volume-name:/in/container</c>.</summary>
    public IReadOnlyList<string>? Binds { get; init; }

    /// <summary>Container paths that get an anonymous volume each (<c>docker run -v /path</c>).</summary>
    public IReadOnlyList<string>? Volumes { get; init; }

    public string? WorkingDirectory { get; init; }

    /// <summary>Labels of your own; Flows adds <see cref="FlowsContainerLabels"/> to them.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary><c>none</c>, <c>host</c>, <c>bridge</c>, <c>container:&lt;id&gt;</c> or a network name; the daemon's default when null.</summary>
    public string? NetworkMode { get; init; }

    /// <summary>A container name; the daemon picks one when null.</summary>
    public string? Name { get; init; }

    /// <summary>The user, capabilities, read-only root and privilege escalation; null: the engine's defaults (the image's user, Docker's capabilities).</summary>
    public ContainerSecurity? Security { get; init; }

    /// <summary>When the runtime removes this container at the end of the flow run that created it.</summary>
    public ContainerCleanup Cleanup { get; init; } = ContainerCleanup.WhenRunFailsOrIsCancelled;

    /// <summary>A container that runs <c>/bin/sh -c <paramref name="script"/></c>.</summary>
    public static ContainerSpec Shell(string image, string script) => new(image) { Command = ["/bin/sh", "-c", script] };
}
