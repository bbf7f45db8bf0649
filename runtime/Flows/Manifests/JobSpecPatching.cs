using System.Text.Json.Nodes;

namespace Flows.Manifests;

/// <summary>
/// The building blocks of the generated patching code. Each touches exactly one path of the Job;
/// everything else in the user's spec is left as it is.
/// </summary>
public static class JobSpecPatching
{
    public static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;

    /// <summary>The object at <paramref name="key"/>, created when absent.</summary>
    public static JsonObject ObjectAt(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject existing)
        {
            return existing;
        }
        var created = new JsonObject();
        parent[key] = created;
        return created;
    }

    /// <summary>The container at <paramref name="index"/> of <c>spec.template.spec.containers</c>.</summary>
    public static JsonObject Container(JsonObject job, int index) =>
        (JsonObject)((JsonArray)ObjectAt(ObjectAt(ObjectAt(job, "spec"), "template"), "spec")["containers"]!)[index]!;

    /// <summary>Labels <c>identifier</c> and <c>flow_run_id</c>: added if absent, replaced if present; other labels kept.</summary>
    public static void SetRunLabels(JsonObject metadata, KubernetesRunInfo run) => SetRunLabels(metadata, run.Identifier, run.FlowRunId);

    /// <summary>Labels <c>identifier</c> and <c>flow_run_id</c> (of a Job or a task's Pod); returns the labels object.</summary>
    internal static JsonObject SetRunLabels(JsonObject metadata, string identifier, string flowRunId)
    {
        var labels = ObjectAt(metadata, "labels");
        labels[RunLabels.Identifier] = identifier;
        labels[RunLabels.FlowRunId] = flowRunId;
        return labels;
    }

    /// <summary>Appends the run's <c>FLOWS__CONTEXT__*</c> variables after the container's own env.</summary>
    public static void AppendRunEnvironment(JsonObject container, KubernetesRunInfo run)
    {
        if (container["env"] is not JsonArray env)
        {
            env = new JsonArray();
            container["env"] = env;
        }
        foreach (var (name, value) in run.Environment)
        {
            env.Add(EnvVar(name, value));
        }
    }

    /// <summary>One entry of a container's <c>env</c>.</summary>
    internal static JsonNode EnvVar(string name, string value) => new JsonObject { ["name"] = name, ["value"] = value };

    public static JsonArray Strings(params string[] values) => Strings((System.Collections.Generic.IEnumerable<string>)values);

    public static JsonArray Strings(System.Collections.Generic.IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add((JsonNode)JsonValue.Create(value));
        }
        return array;
    }
}
