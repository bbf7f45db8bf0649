namespace Flows.Docker;

/// <summary>When the runtime removes a container that a flow run created (by its <see cref="FlowsContainerLabels"/>).</summary>
public enum ContainerCleanup
{
    /// <summary>When the run failed or was cancelled; a successful run leaves it for the flow to inspect or remove.</summary>
    WhenRunFailsOrIsCancelled,

    /// <summary>When the run ends, whatever its state: the container lives as long as the run.</summary>
    WhenRunEnds,

    /// <summary>Never: the flow, or a person, removes it.</summary>
    Never,
}
