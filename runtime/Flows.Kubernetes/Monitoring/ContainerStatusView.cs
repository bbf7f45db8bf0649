using System.Linq;
using System.Text.Json.Nodes;

namespace Flows.Kubernetes;

/// <summary>One container's entry in a pod's <c>status.containerStatuses</c> (or <c>initContainerStatuses</c>).</summary>
internal sealed class ContainerStatusView
{
    private readonly JsonObject _status;

    private ContainerStatusView(JsonObject status) => _status = status;

    public string Name => JsonFields.String(_status, "name") ?? "";

    public string? Image => JsonFields.String(_status, "image");

    public JsonObject? Waiting => JsonFields.Object(_status, "state", "waiting");

    public bool IsRunning => JsonFields.Object(_status, "state", "running") is not null;

    public JsonObject? Terminated => JsonFields.Object(_status, "state", "terminated");

    public JsonObject? LastTerminated => JsonFields.Object(_status, "lastState", "terminated");

    /// <summary>The container has run (so it has a log).</summary>
    public bool HasStarted => IsRunning || Terminated is not null || LastTerminated is not null;

    public long? ExitCode => JsonFields.Integer(Terminated, "exitCode");

    public static ContainerStatusView? Find(JsonObject pod, string containerName) =>
        All(pod).FirstOrDefault(c => c.Name == containerName);

    public static ContainerStatusView[] All(JsonObject pod) =>
        JsonFields.Objects(pod, "status", "initContainerStatuses")
            .Concat(JsonFields.Objects(pod, "status", "containerStatuses"))
            .Select(s => new ContainerStatusView(s))
            .ToArray();

    /// <summary>
    /// The container has terminated for good: the pod never restarts it (<c>restartPolicy: Never</c>), it
    /// exited 0 (an <c>OnFailure</c> pod does not restart it then), or the pod itself is over.
    /// </summary>
    public bool HasEndedForGood(JsonObject pod) =>
        Terminated is not null
        && (JsonFields.String(pod, "spec", "restartPolicy") == "Never"
            || ExitCode == 0
            || JsonFields.String(pod, "status", "phase") is "Succeeded" or "Failed");
}
