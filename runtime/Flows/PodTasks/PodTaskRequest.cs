using System.Text.Json.Nodes;
using Flows.Manifests;
using Microsoft.Extensions.Logging;

namespace Flows;

/// <param name="Pod">The Pod to create, built by the task's generated code for this run.</param>
/// <param name="Logger">Receives the primary container's log lines as they come.</param>
/// <param name="CaptureLog">Return the primary container's whole log in <see cref="PodTaskOutcome.Log"/> (a container task whose result is its log).</param>
public sealed record PodTaskRequest(FlowDefinition Flow, TaskDefinition Task, PodTaskRunInfo Run, JsonObject Pod, ILogger Logger, bool CaptureLog)
{
    public string PrimaryContainerName => Task.Pod!.PrimaryContainerName;
}
