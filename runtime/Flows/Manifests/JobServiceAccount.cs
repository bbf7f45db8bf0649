using System.Text.Json.Nodes;

namespace Flows.Manifests;

/// <summary>The generated patch of a flow with pod tasks: its Job runs under the flow's own service account.</summary>
public static class JobServiceAccount
{
    /// <summary>
    /// Sets <c>spec.template.spec.serviceAccountName</c> to <see cref="PodTaskRbac.NameFor"/> the flow, unless the
    /// user's spec names an account (<c>serviceAccountName</c> or the deprecated <c>serviceAccount</c>): theirs wins.
    /// </summary>
    public static void UseFlowAccountUnlessNamed(JsonObject job, KubernetesRunInfo run)
    {
        var podSpec = JobSpecPatching.ObjectAt(JobSpecPatching.ObjectAt(JobSpecPatching.ObjectAt(job, "spec"), "template"), "spec");
        if (PodTaskRbac.NamedServiceAccount(podSpec) is null)
        {
            podSpec["serviceAccountName"] = PodTaskRbac.NameFor(run.FlowName);
        }
    }
}
