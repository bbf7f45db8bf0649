namespace Flows.Manifests;

/// <summary>
/// The labels Flows puts on a run's Job, its Pods, and a pod task's Pod and Secret: <c>submit</c>, <c>cleanup</c>,
/// <c>run-job-locally</c> and the build-time Job checks find a run's objects by them.
/// </summary>
#if FLOWS_GENERATOR
internal
#else
public
#endif
static class RunLabels
{
    /// <summary>The run's identifier: one value for all the objects of one run.</summary>
    public const string Identifier = "identifier";

    /// <summary>The flow run id the run was given (<c>--flow-run-id</c>, else a new one).</summary>
    public const string FlowRunId = "flow_run_id";

    /// <summary>On a pod task's Pod and Secret: the task (<see cref="TaskKubernetesNames.LabelValue"/>).</summary>
    public const string Task = "flows_task";

    /// <summary>The label selector of every object of the run whose identifier is <paramref name="identifier"/>.</summary>
    public static string IdentifierSelector(string identifier) => Identifier + "=" + identifier;
}
