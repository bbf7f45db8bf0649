using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Flows.Kubernetes;

/// <summary>
/// Copies of Jobs and Pods fit for the evidence folder: every literal env <c>value</c> of every container
/// (init, regular, ephemeral; in a Pod or a Job's template) is replaced by <see cref="Placeholder"/>, names and
/// <c>valueFrom</c> are kept, and so are the values of the run context variables Flows sets itself (run id, flow name,
/// namespace, …: <see cref="FlowContextVariables"/>), which say which run this was. kubectl's last-applied-configuration annotation (a second copy of the spec) is
/// replaced too. A literal value is where a spec puts <c>API_TOKEN</c> or <c>DB_PASSWORD</c> when it does not use a
/// Secret, and evidence is read by more people, for longer, than the cluster's objects.
/// </summary>
internal static class EnvValueRedaction
{
    public const string Placeholder = "<redacted by Flows>";

    private const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

    private static readonly HashSet<string> FlowsContext =
    [
        FlowContextVariables.FlowName, FlowContextVariables.FlowRunId, FlowContextVariables.TaskName, FlowContextVariables.TaskRunAttempt,
        FlowContextVariables.Namespace, FlowContextVariables.Image, FlowContextVariables.Identifier, FlowContextVariables.JobName,
    ];

    private static readonly string[] ContainerLists = ["initContainers", "containers", "ephemeralContainers"];

    /// <summary>A redacted deep copy of <paramref name="manifest"/> (a Job or a Pod); the original is left alone.</summary>
    public static JsonObject Redact(JsonObject manifest)
    {
        var copy = (JsonObject)manifest.DeepClone();
        RedactAnnotation(copy);
        if (copy["spec"] is JsonObject spec)
        {
            RedactPodSpec(spec);
            if (spec["template"] is JsonObject template)
            {
                RedactAnnotation(template);
                if (template["spec"] is JsonObject podSpec)
                {
                    RedactPodSpec(podSpec);
                }
            }
        }
        return copy;
    }

    private static void RedactPodSpec(JsonObject podSpec)
    {
        foreach (var container in ContainerLists.SelectMany(list => Items(podSpec[list])))
        {
            foreach (var variable in Items(container["env"]))
            {
                if (variable.ContainsKey("value") && !(variable["name"] is JsonValue name && name.TryGetValue<string>(out var text) && FlowsContext.Contains(text)))
                {
                    variable["value"] = Placeholder;
                }
            }
        }
    }

    private static void RedactAnnotation(JsonObject manifest)
    {
        if (manifest["metadata"] is JsonObject { } metadata && metadata["annotations"] is JsonObject annotations && annotations.ContainsKey(LastApplied))
        {
            annotations[LastApplied] = Placeholder;
        }
    }

    private static IEnumerable<JsonObject> Items(JsonNode? list) => list is JsonArray array ? array.OfType<JsonObject>() : [];
}
