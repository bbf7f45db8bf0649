using System;
using System.Globalization;
using Flows.Generators.Core;
using Flows.Generators.Kubernetes.Validation;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.Kubernetes;

/// <summary>
/// The container of a pod spec that a finding of the API server port is about, and the words of Flows' own
/// messages for the rules of a container (its name, its quantities): the port decides, these only say it.
/// </summary>
/// <param name="Index">The index in <c>containers</c> or <c>initContainers</c>.</param>
internal readonly record struct FindingContainer(SpecNode Node, bool IsInit, int Index)
{
    /// <summary>The name as written; null when there is none (or it is not a string).</summary>
    public string? Name => Node["name"].String is { Length: > 0 } name ? name : null;

    /// <summary>The name, or <c>container 1</c>, <c>init container 0</c> for a container without one.</summary>
    public string Label => Name ?? (IsInit ? "init container " : "container ") + Index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The container of <paramref name="podSpec"/> (or init container) whose path encloses the finding's; null for a finding outside them.</summary>
    public static FindingContainer? Of(SpecNode podSpec, SpecError finding)
    {
        var path = finding.Path.ToString();
        foreach (var (list, isInit) in new[] { ("containers", false), ("initContainers", true) })
        {
            var items = podSpec[list].Items;
            for (var i = 0; i < items.Count; i++)
            {
                var prefix = items[i].Path.ToString();
                if (path.StartsWith(prefix, StringComparison.Ordinal) && (path.Length == prefix.Length || path[prefix.Length] is '.' or '['))
                {
                    return new FindingContainer(items[i], isInit, i);
                }
            }
        }
        return null;
    }

    /// <summary>The decoder rejects the type of the container's name (a number, a list).</summary>
    public bool IsNameOfWrongType(SpecError finding) =>
        finding.Type == SpecErrorType.TypeInvalid && finding.Path.ToString() == Node["name"].Path.ToString();

    /// <summary>What is wrong with the container's name, for FLOW039 and FLOW068: a DNS-1123 label rule it breaks, or that it is not a string.</summary>
    public static string NameProblem(SpecError finding)
    {
        if (finding.Type == SpecErrorType.TypeInvalid)
        {
            return finding.Node is YamlScalarNode scalar
                ? $"{scalar.Value} is read as a {YamlSpecText.ShapeOf(scalar)}, not a string: quote it (name: \"{scalar.Value}\")"
                : $"is a {(finding.Node is null ? "null" : YamlSpecText.ShapeOf(finding.Node))}, but must be a string";
        }
        var name = YamlJson.AsString(finding.Node) ?? "";
        return KubernetesNames.Dns1123LabelProblem(name) ?? $"'{name}' {finding.Detail}";
    }

    /// <summary>
    /// What is wrong with a quantity of the container's resources, for FLOW042 and FLOW072: a value that is not a
    /// quantity, or a limit below its request; null for any other finding (its message is the server's).
    /// </summary>
    /// <param name="rejected">What the API server rejects: "the Job" or "the Pod".</param>
    public string? QuantityProblem(SpecError finding, string rejected)
    {
        var resources = Node["resources"];
        foreach (var kind in new[] { "requests", "limits" })
        {
            foreach (var entry in resources[kind].Entries)
            {
                if (!ReferenceEquals(entry.Value.Node, finding.Node))
                {
                    continue;
                }
                var value = ResourceValidation.QuantityText(entry.Value);
                if (finding.Type == SpecErrorType.TypeInvalid)
                {
                    return $"container '{Label}' {kind} {entry.Key}: '{value}' is not a Kubernetes quantity (e.g. 500m, 2, 512Mi, 4G)";
                }
                if (kind == "limits" && finding.Detail == ResourceValidation.RequestAboveLimit(entry.Key))
                {
                    return $"container '{Label}' limits {entry.Key} to {value}, below its request of {ResourceValidation.QuantityText(resources["requests"][entry.Key])}: the API server rejects {rejected}; raise the limit or lower the request";
                }
            }
        }
        return null;
    }
}
