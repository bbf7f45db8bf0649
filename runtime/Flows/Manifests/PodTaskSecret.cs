using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace Flows.Manifests;

/// <summary>
/// What one attempt of a pod task passes into its Pod that the Pod spec must not show: the task's inputs
/// (<c>FLOWS__TASK__INPUTS</c>), its secret flow parameters (<c>FLOWS__PARAM__*</c>) and a container task's env values
/// made from <c>{name}</c> placeholders. The Pod reads each with <c>valueFrom.secretKeyRef</c> from the Kubernetes
/// Secret <see cref="Name"/> (the pod's name + <c>-inputs</c>), whose key is the variable's name; the runner creates the
/// Secret before the Pod and deletes it with the Pod (it is owned by the Pod, so the garbage collector removes it too).
/// The local Docker runner puts the values into the containers' env itself.
/// </summary>
public sealed class PodTaskSecret
{
    public const string NameSuffix = "-inputs";

    private readonly SortedDictionary<string, string> _values = new(StringComparer.Ordinal);

    public PodTaskSecret(string name) => Name = name;

    /// <summary>The Secret's name: the pod's name (at most 63 characters) + <c>-inputs</c>, a valid Secret name.</summary>
    public string Name { get; }

    /// <summary>The Secret's data: key (the variable's name) to value, as set while the Pod was built.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    public bool IsEmpty => _values.Count == 0;

    public static string NameFor(string podName) => podName + NameSuffix;

    /// <summary>Keeps <paramref name="value"/> under <paramref name="key"/> and returns the env entry that reads it.</summary>
    public JsonObject EnvVar(string key, string value)
    {
        _values[key] = value;
        return new JsonObject
        {
            ["name"] = key,
            ["valueFrom"] = new JsonObject { ["secretKeyRef"] = new JsonObject { ["name"] = Name, ["key"] = key } },
        };
    }

    /// <summary>The v1 Secret to create in the run's namespace, with the run's labels (so <c>cleanup</c> finds it) and the values base64-encoded in <c>data</c>.</summary>
    public JsonObject ToManifest(PodTaskRunInfo run)
    {
        var data = new JsonObject();
        foreach (var (key, value) in _values)
        {
            data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
        }
        var metadata = new JsonObject { ["name"] = Name, ["namespace"] = run.Namespace };
        JobSpecPatching.SetRunLabels(metadata, run.Identifier, run.FlowRunId)[RunLabels.Task] = run.TaskLabel;
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = metadata,
            ["type"] = "Opaque",
            ["data"] = data,
        };
    }

    /// <summary>
    /// For a runner without Kubernetes Secrets (the local Docker engine): each env entry of <paramref name="pod"/>'s containers
    /// that reads this Secret gets the value itself, as the kubelet would resolve it.
    /// </summary>
    public void WriteValuesInto(JsonObject pod)
    {
        foreach (var field in new[] { "initContainers", "containers" })
        {
            foreach (var container in (pod["spec"]?[field] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
            {
                foreach (var entry in ReferencesIn(container).ToList())
                {
                    var key = (string?)entry["valueFrom"]!["secretKeyRef"]!["key"];
                    if (key is not null && _values.TryGetValue(key, out var value))
                    {
                        entry.Remove("valueFrom");
                        entry["value"] = value;
                    }
                }
            }
        }
    }

    /// <summary>The env entries of <paramref name="container"/> that read this Secret.</summary>
    public IEnumerable<JsonObject> ReferencesIn(JsonObject container) =>
        (container["env"] as JsonArray ?? new JsonArray()).OfType<JsonObject>()
            .Where(e => e["valueFrom"]?["secretKeyRef"] is JsonObject reference
                && reference["name"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && (string)reference["name"]! == Name);
}
