using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Flows.Docker.LocalJobs.Manifests;

/// <summary>
/// A container's <c>env</c> as the kubelet makes it: each <c>value</c> expanded with the variables defined before it
/// (<c>$(NAME)</c>), <c>valueFrom.fieldRef</c> resolved from the local pod; a later entry with the same name wins.
/// What needs a cluster (Secrets, ConfigMaps, <c>resourceFieldRef</c>, <c>envFrom</c>) is an error naming the field,
/// except when marked optional, where it is left out with a warning.
/// </summary>
internal static partial class EnvironmentReader
{
    public static List<KeyValuePair<string, string>> Read(JsonObject container, string path, PodFieldValues pod, ManifestProblems problems)
    {
        var variables = new Dictionary<string, string>();
        var order = new List<string>();
        ReadEnvFrom(container, path, problems);
        var env = ManifestFields.Array(container, "env", path, problems) ?? [];
        for (var i = 0; i < env.Count; i++)
        {
            var entryPath = $"{path}.env[{i}]";
            if (env[i] is not JsonObject entry)
            {
                problems.Error(entryPath, "must be an object with name and value (or valueFrom).");
                continue;
            }
            var name = ManifestFields.String(entry, "name", entryPath, problems);
            if (string.IsNullOrEmpty(name))
            {
                problems.Error(entryPath + ".name", "is required.");
                continue;
            }
            entryPath += $" ({name})";
            string? resolved;
            if (ManifestFields.Object(entry, "valueFrom", entryPath, problems) is { } valueFrom)
            {
                if (ManifestFields.Field(entry, "value") is not null)
                {
                    problems.Error(entryPath, "has both value and valueFrom.");
                }
                resolved = ValueFrom(valueFrom, entryPath + ".valueFrom", pod, problems);
            }
            else
            {
                var value = ManifestFields.String(entry, "value", entryPath, problems) ?? "";
                resolved = KubernetesExpansion.Expand(value, variables);
            }
            if (resolved is null)
            {
                continue;
            }
            if (!variables.ContainsKey(name))
            {
                order.Add(name);
            }
            variables[name] = resolved;
        }
        return order.Select(name => new KeyValuePair<string, string>(name, variables[name])).ToList();
    }

    private static void ReadEnvFrom(JsonObject container, string path, ManifestProblems problems)
    {
        var envFrom = ManifestFields.Array(container, "envFrom", path, problems) ?? [];
        for (var i = 0; i < envFrom.Count; i++)
        {
            var source = envFrom[i] as JsonObject;
            var kind = source?.ContainsKey("secretRef") == true ? "secretRef" : "configMapRef";
            var reference = source?[kind] as JsonObject;
            NeedsCluster(reference, $"{path}.envFrom[{i}].{kind}", kind == "secretRef" ? "Secret" : "ConfigMap", problems);
        }
    }

    /// <summary>The value, or null when the variable is left out (an optional reference) or wrong (a problem is recorded).</summary>
    private static string? ValueFrom(JsonObject valueFrom, string path, PodFieldValues pod, ManifestProblems problems)
    {
        if (ManifestFields.Object(valueFrom, "fieldRef", path, problems) is { } fieldRef)
        {
            var fieldPath = ManifestFields.String(fieldRef, "fieldPath", path + ".fieldRef", problems) ?? "";
            return FieldRef(fieldPath, path + ".fieldRef.fieldPath", pod, problems);
        }
        if (valueFrom["secretKeyRef"] is JsonObject secret)
        {
            NeedsCluster(secret, path + ".secretKeyRef", "Secret", problems);
            return null;
        }
        if (valueFrom["configMapKeyRef"] is JsonObject configMap)
        {
            NeedsCluster(configMap, path + ".configMapKeyRef", "ConfigMap", problems);
            return null;
        }
        if (valueFrom.ContainsKey("resourceFieldRef"))
        {
            problems.Error(path + ".resourceFieldRef", "is not emulated by run-job-locally; set the value itself.");
            return null;
        }
        problems.Error(path, "must have fieldRef, secretKeyRef, configMapKeyRef or resourceFieldRef.");
        return null;
    }

    private static void NeedsCluster(JsonObject? reference, string path, string kind, ManifestProblems problems)
    {
        var optional = reference?["optional"] is JsonValue flag && flag.TryGetValue<bool>(out var isOptional) && isOptional;
        if (optional)
        {
            problems.Warn(path, $"left out: run-job-locally has no cluster to read {kind}s from, and the reference is optional.");
        }
        else
        {
            problems.Error(path, $"cannot be read: run-job-locally has no cluster to read {kind}s from. Set the value in env (value:), or mark the reference optional: true.");
        }
    }

    private static string? FieldRef(string fieldPath, string path, PodFieldValues pod, ManifestProblems problems)
    {
        switch (fieldPath)
        {
            case "metadata.name":
                return pod.Name;
            case "metadata.namespace":
                return pod.Namespace;
            case "metadata.uid":
                return pod.Uid;
            case "spec.nodeName":
                return pod.NodeName;
            case "spec.serviceAccountName":
                return pod.ServiceAccountName;
            case "status.podIP":
            case "status.podIPs":
                // The pod's network namespace has loopback only (or is the host's, with hostNetwork).
                return "127.0.0.1";
        }
        var subscript = Subscript().Match(fieldPath);
        if (subscript.Success)
        {
            var map = subscript.Groups["map"].Value == "labels" ? pod.Labels : pod.Annotations;
            return map.TryGetValue(subscript.Groups["key"].Value, out var value) ? value : "";
        }
        problems.Error(path, $"'{fieldPath}' is not emulated by run-job-locally (it has metadata.name, metadata.namespace, metadata.uid, metadata.labels['KEY'], metadata.annotations['KEY'], spec.nodeName, spec.serviceAccountName, status.podIP).");
        return null;
    }

    [GeneratedRegex(@"^metadata\.(?<map>labels|annotations)\['(?<key>[^']+)'\]\z")]
    private static partial Regex Subscript();
}
