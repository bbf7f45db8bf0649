using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace Flows.Kubernetes;

/// <summary>
/// When a run is over, and how it ended. The flow (primary) container decides: the run ends when it has
/// terminated for good, even if other containers of the pod keep running (before Kubernetes 1.29 a
/// sidecar that never exits keeps the pod Running and the Job active forever), and its exit code is
/// the result. Before that, the Job's own <c>Failed</c> condition (backoff limit, active deadline) or
/// <c>Complete</c> condition ends the run, and so does the Job's deletion.
/// </summary>
internal static class RunOutcomeRules
{
    public static RunOutcome? Decide(string jobName, JsonObject? job, bool jobDeleted, IEnumerable<JsonObject> pods, string primaryContainer)
    {
        var flowEnded = pods.Select(pod => FlowContainerEnd(pod, primaryContainer)).FirstOrDefault(end => end is not null);
        if (Condition(job, "Failed") is { } failed)
        {
            var jobFailure = $"Job {jobName} failed: {JsonFields.String(failed, "reason") ?? "Failed"}: {JsonFields.String(failed, "message") ?? "(no message)"}";
            return RunOutcome.Failure(flowEnded is { Succeeded: false } ? $"{flowEnded.Summary}; {jobFailure}" : jobFailure);
        }
        if (flowEnded is not null)
        {
            return flowEnded;
        }
        if (Condition(job, "Complete") is not null)
        {
            return RunOutcome.Success($"Job {jobName} completed");
        }
        if (jobDeleted)
        {
            return RunOutcome.Failure($"Job {jobName} was deleted before the run finished");
        }
        return null;
    }

    /// <summary>The outcome told by the pod's flow container when it has ended for good; null while it has not.</summary>
    private static RunOutcome? FlowContainerEnd(JsonObject pod, string primaryContainer)
    {
        if (ContainerStatusView.Find(pod, primaryContainer) is not { } flow || !flow.HasEndedForGood(pod))
        {
            return null;
        }
        var podName = JsonFields.Name(pod);
        var stillRunning = ContainerStatusView.All(pod).Where(c => c.Name != primaryContainer && c.IsRunning).Select(c => "'" + c.Name + "'").ToList();
        var sidecars = stillRunning.Count == 0 ? "" : $"; {string.Join(", ", stillRunning)} still running, which does not hold the run";
        var reason = JsonFields.String(flow.Terminated, "reason");
        return flow.ExitCode == 0
            ? RunOutcome.Success($"flow container '{primaryContainer}' of pod {podName} exited with code 0{sidecars}")
            : RunOutcome.Failure($"flow container '{primaryContainer}' of pod {podName} exited with code {flow.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "?"}{(reason is null ? "" : " (" + reason + ")")}{sidecars}");
    }

    /// <summary>The Job's condition of <paramref name="type"/> when its status is True.</summary>
    public static JsonObject? Condition(JsonObject? job, string type) =>
        JsonFields.Objects(job, "status", "conditions")
            .FirstOrDefault(c => JsonFields.String(c, "type") == type && JsonFields.String(c, "status") == "True");
}
