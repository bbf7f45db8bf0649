using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flows.Manifests;

/// <summary>
/// The building blocks of a pod task's generated Pod code. Each touches exactly one part of the Pod:
/// its name, namespace and run labels, restartPolicy when absent, and the primary container (added
/// when the spec lacks it); everything else in the user's pod spec is left as it is.
/// </summary>
public static class PodTaskPatching
{
    public static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;

    /// <summary>metadata.name and namespace, and the labels identifier, flow_run_id and flows_task (other labels kept).</summary>
    public static void SetRunMetadata(JsonObject pod, PodTaskRunInfo run)
    {
        var metadata = JobSpecPatching.ObjectAt(pod, "metadata");
        metadata["name"] = run.PodName;
        metadata["namespace"] = run.Namespace;
        JobSpecPatching.SetRunLabels(metadata, run.Identifier, run.FlowRunId)[RunLabels.Task] = run.TaskLabel;
    }

    /// <summary>A task pod ends when its primary ends: restartPolicy Never unless the spec says otherwise (a retry is a new Pod).</summary>
    public static void SetDefaultRestartPolicy(JsonObject pod)
    {
        var spec = JobSpecPatching.ObjectAt(pod, "spec");
        if (spec["restartPolicy"] is null)
        {
            spec["restartPolicy"] = "Never";
        }
    }

    /// <summary>The container named <paramref name="name"/> in spec.containers; added first when the spec lacks it.</summary>
    public static JsonObject PrimaryContainer(JsonObject pod, string name)
    {
        var spec = JobSpecPatching.ObjectAt(pod, "spec");
        if (spec["containers"] is not JsonArray containers)
        {
            containers = new JsonArray();
            spec["containers"] = containers;
        }
        foreach (var node in containers)
        {
            if (node is JsonObject container && container["name"]?.GetValueKind() == JsonValueKind.String && (string)container["name"]! == name)
            {
                return container;
            }
        }
        var added = new JsonObject { ["name"] = name };
        containers.Insert(0, added);
        return added;
    }

    /// <summary>Replaces the container's resources with the task's (the attribute's values; none: no resources).</summary>
    public static void SetResources(JsonObject container, string? cpuRequest, string? cpuLimit, string? memoryRequest, string? memoryLimit)
    {
        var requests = new JsonObject();
        var limits = new JsonObject();
        if (cpuRequest is not null) requests["cpu"] = cpuRequest;
        if (memoryRequest is not null) requests["memory"] = memoryRequest;
        if (cpuLimit is not null) limits["cpu"] = cpuLimit;
        if (memoryLimit is not null) limits["memory"] = memoryLimit;
        var resources = new JsonObject();
        if (requests.Count > 0) resources["requests"] = requests;
        if (limits.Count > 0) resources["limits"] = limits;
        if (resources.Count > 0)
        {
            container["resources"] = resources;
        }
        else
        {
            container.Remove("resources");
        }
    }

    /// <summary>
    /// Replaces the container's env with the task's entries (<c>NAME=value</c>, <c>{name}</c> placeholders
    /// expanded from the task's inputs), then the run's context variables, then <paramref name="extra"/>.
    /// Values that carry the task's data — an entry with a placeholder, the inputs, a secret parameter — are
    /// read from the run's <see cref="PodTaskRunInfo.Secret"/> (<c>valueFrom.secretKeyRef</c>), never written into the Pod.
    /// </summary>
    public static void SetEnvironment(JsonObject container, string[] entries, PodTaskRunInfo run, bool expandInputs, params KeyValuePair<string, string>[] extra)
    {
        var env = new JsonArray();
        foreach (var entry in entries)
        {
            var separator = entry.IndexOf('=');
            var name = separator < 0 ? entry : entry.Substring(0, separator);
            var value = separator < 0 ? "" : entry.Substring(separator + 1);
            env.Add(expandInputs && HasPlaceholder(value) ? run.Secret.EnvVar(name, ExpandInputs(value, run)) : JobSpecPatching.EnvVar(name, value));
        }
        foreach (var (name, value) in run.Environment)
        {
            env.Add(JobSpecPatching.EnvVar(name, value));
        }
        foreach (var (name, value) in extra)
        {
            env.Add(name == PodTaskVariables.Inputs || name.StartsWith(SecretParameterVariables.Prefix, StringComparison.Ordinal)
                ? run.Secret.EnvVar(name, value)
                : JobSpecPatching.EnvVar(name, value));
        }
        container["env"] = env;
    }

    private static bool HasPlaceholder(string template) =>
        InputPlaceholders.HasBraces(template) && InputPlaceholders.Parse(template).Any(part => part.IsPlaceholder);

    /// <summary>The env of a sidecar task's primary: its inputs, its secret flow parameters, and where to write its result.</summary>
    public static KeyValuePair<string, string>[] SidecarTaskVariables(PodTaskRunInfo run, string terminationMessagePath) =>
        new KeyValuePair<string, string>[] { new(PodTaskVariables.Inputs, run.InputsJson) }
            .Concat(run.SecretParameters.Select(p => new KeyValuePair<string, string>(SecretParameterVariables.NameFor(p.Key), p.Value)))
            .Append(new(PodTaskVariables.TerminationMessagePath, terminationMessagePath))
            .ToArray();

    /// <summary>The path the result is written to: the spec's terminationMessagePath, or the default. Sets the policy File (a result is not a log).</summary>
    public static string SetTerminationMessage(JsonObject container)
    {
        var written = container["terminationMessagePath"];
        var path = written?.GetValueKind() == JsonValueKind.String ? (string)written! : null;
        if (string.IsNullOrEmpty(path))
        {
            path = PodTaskVariables.DefaultTerminationMessagePath;
            // A value of another type is the user's (FLOW077 at build time), not replaced: the API server judges what was written.
            if (written is null || written.GetValueKind() is JsonValueKind.Null or JsonValueKind.String)
            {
                container["terminationMessagePath"] = path;
            }
        }
        container["terminationMessagePolicy"] = "File";
        return path!;
    }

    public static JsonArray Strings(IEnumerable<string> values) => JobSpecPatching.Strings(values);

    /// <summary>Strings with their <c>{name}</c> placeholders replaced by the task's input values (a container task's command and args).</summary>
    public static JsonArray ExpandedStrings(PodTaskRunInfo run, params string[] templates) =>
        JobSpecPatching.Strings(templates.Select(template => ExpandInputs(template, run)));

    /// <summary>
    /// Replaces <c>{name}</c> with the input <c>name</c>: a string as it is, anything else as its JSON text, with <c>$</c>
    /// as <c>$$</c> so that the kubelet's <c>$(VAR)</c> expansion gives it back unchanged. <c>{{</c> and <c>}}</c> stand
    /// for braces. Names were checked at build time.
    /// </summary>
    public static string ExpandInputs(string template, PodTaskRunInfo run)
    {
        if (!InputPlaceholders.HasBraces(template) || run.InputsJson.Length == 0)
        {
            // No inputs: a Pod printed by 'render --task' before the run, which shows the placeholders as written.
            return template;
        }
        using var inputs = JsonDocument.Parse(run.InputsJson);
        var text = new StringBuilder(template.Length);
        foreach (var (part, isPlaceholder) in InputPlaceholders.Parse(template))
        {
            if (!isPlaceholder)
            {
                text.Append(part);
                continue;
            }
            if (!inputs.RootElement.TryGetProperty(part, out var value))
            {
                throw new InvalidOperationException($"Task '{run.TaskName}' has no input '{part}' for the placeholder '{{{part}}}'.");
            }
            text.Append(KubeletVariableReferences.Escape(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()));
        }
        return text.ToString();
    }
}
