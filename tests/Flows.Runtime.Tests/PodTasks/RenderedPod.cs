using System.Linq;
using System.Text.Json.Nodes;
using Flows.Manifests;

namespace Flows.Runtime.Tests.PodTasks;

/// <summary>The Pod a pod task of <see cref="PodTaskFlow"/> builds for one run, with the run it was built for.</summary>
internal sealed record RenderedPod(PodTaskRunInfo Run, JsonObject Pod)
{
    public const string FlowRunId = "pod-run-1";

    public static RenderedPod For(string taskName, string inputsJson = "{}", int attempt = 1, FlowParameterValues? parameters = null)
    {
        var flow = PodTaskFlow.Definition;
        var task = flow.GetTask(taskName);
        var run = PodTaskRunInfo.Create(flow, task, FlowRunId, "jobs", null, attempt, inputsJson, parameters ?? FlowParameterValues.Empty);
        return new RenderedPod(run, task.Pod!.CreatePod(run));
    }

    public JsonArray Containers => (JsonArray)Pod["spec"]!["containers"]!;

    public JsonObject Container(string name) => (JsonObject)Containers.Single(c => (string)c!["name"]! == name)!;

    /// <summary>The value the container gets for <paramref name="name"/>: its literal value, or the key of the run's Secret it refers to.</summary>
    public string? Env(string container, string name) =>
        ((JsonArray)Container(container)["env"]!).Where(e => (string)e!["name"]! == name).Select(ValueOf).SingleOrDefault();

    private string? ValueOf(JsonNode? env)
    {
        if (env!["valueFrom"]?["secretKeyRef"] is JsonObject reference)
        {
            Xunit.Assert.Equal(Run.Secret.Name, (string?)reference["name"]);
            return Run.Secret.Values.TryGetValue((string)reference["key"]!, out var value) ? value : throw new Xunit.Sdk.XunitException($"the Secret has no key {reference["key"]}");
        }
        return (string?)env["value"];
    }
}
