using System.Collections.Generic;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace Flows.Generators.Kubernetes;

/// <summary>Checks of one container or pod spec that a Job and a pod task share; each finding is a node and what is wrong there.</summary>
internal static class ContainerRules
{
    /// <summary>Requests and limits that are not quantities, and limits below their request.</summary>
    /// <param name="rejected">What the API server rejects, for the message: "the Job" or "the Pod".</param>
    public static IEnumerable<(YamlNode Node, string Detail)> QuantityProblems(YamlMappingNode? container, string name, string rejected)
    {
        var resources = YamlSpecText.Child(container, "resources") as YamlMappingNode;
        var requests = ParseQuantities(YamlSpecText.Child(resources, "requests") as YamlMappingNode, name, "requests", out var invalidRequests);
        var limits = ParseQuantities(YamlSpecText.Child(resources, "limits") as YamlMappingNode, name, "limits", out var invalidLimits);
        foreach (var problem in invalidRequests.Concat(invalidLimits))
        {
            yield return problem;
        }
        foreach (var entry in limits)
        {
            var (limit, limitNode) = entry.Value;
            if (requests.TryGetValue(entry.Key, out var request) && limit < request.Value)
            {
                yield return (limitNode,
                    $"container '{name}' limits {entry.Key} to {(limitNode as YamlScalarNode)?.Value}, below its request of {(request.Node as YamlScalarNode)?.Value}: the API server rejects {rejected}; raise the limit or lower the request");
            }
        }
    }

    private static Dictionary<string, (decimal Value, YamlNode Node)> ParseQuantities(
        YamlMappingNode? quantities, string container, string kind, out List<(YamlNode Node, string Detail)> invalid)
    {
        var parsed = new Dictionary<string, (decimal, YamlNode)>();
        invalid = new List<(YamlNode, string)>();
        foreach (var entry in quantities?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var resource = (entry.Key as YamlScalarNode)?.Value ?? "";
            var text = (entry.Value as YamlScalarNode)?.Value ?? "";
            if (KubernetesNames.ParseQuantity(text) is { } value)
            {
                parsed[resource] = (value, entry.Value);
            }
            else
            {
                invalid.Add((entry.Value, $"container '{container}' {kind} {resource}: '{text}' is not a Kubernetes quantity (e.g. 500m, 2, 512Mi, 4G)"));
            }
        }
        return parsed;
    }
}
