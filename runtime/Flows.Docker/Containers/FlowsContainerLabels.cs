namespace Flows.Docker;

/// <summary>
/// The labels on every container a flow run creates: find a run's containers with
/// <c>docker ps -a --filter label=flows.flow-run-id=ID</c>.
/// </summary>
public static class FlowsContainerLabels
{
    public const string FlowRunId = "flows.flow-run-id";
    public const string FlowName = "flows.flow-name";
    public const string TaskName = "flows.task-name";

    /// <summary>The container's <see cref="ContainerCleanup"/>, read when the run ends.</summary>
    public const string Cleanup = "flows.cleanup";

    internal static string Format(ContainerCleanup cleanup) => cleanup switch
    {
        ContainerCleanup.WhenRunEnds => "when-run-ends",
        ContainerCleanup.Never => "never",
        _ => "when-run-fails-or-is-cancelled",
    };

    internal static ContainerCleanup ParseCleanup(string? label) => label switch
    {
        "when-run-ends" => ContainerCleanup.WhenRunEnds,
        "never" => ContainerCleanup.Never,
        _ => ContainerCleanup.WhenRunFailsOrIsCancelled,
    };

    internal static bool ShouldRemove(ContainerCleanup cleanup, FlowRunState runState) => cleanup switch
    {
        ContainerCleanup.WhenRunEnds => true,
        ContainerCleanup.Never => false,
        _ => runState != FlowRunState.Success,
    };

}
