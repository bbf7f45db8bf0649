using Flows.Generators.Kubernetes.Validation;
using Xunit;

namespace Flows.Generators.Tests.Kubernetes.Validation;

/// <summary>validateAffinity: node affinity, pod affinity and anti-affinity.</summary>
public sealed class AffinityValidationTests
{
    private const string Na = "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution";
    private const string Np = "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution";
    private const string Pa = "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution";
    private const string Pp = "spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution";

    private static SpecErrors Affinity(string affinity) => PodSpecRulesTests.Spec("affinity: " + affinity);

    [Theory]
    // ValidateNodeSelector
    [InlineData("{nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {}}}", Na + ".nodeSelectorTerms", SpecErrorType.Required)]
    [InlineData("{nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: []}}}", Na + ".nodeSelectorTerms", SpecErrorType.Required)]
    // ValidateNodeSelectorRequirement
    [InlineData("{nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: In}]}]}}}", Na + ".nodeSelectorTerms[0].matchExpressions[0].values", SpecErrorType.Required)]
    [InlineData("{nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: Exists, values: [a]}]}]}}}", Na + ".nodeSelectorTerms[0].matchExpressions[0].values", SpecErrorType.Forbidden)]
    [InlineData("{nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: cpus, operator: Gt, values: [\"1\", \"2\"]}]}]}}}", Na + ".nodeSelectorTerms[0].matchExpressions[0].values", SpecErrorType.Required)]
    [InlineData("{nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: Is, values: [a]}]}]}}}", Na + ".nodeSelectorTerms[0].matchExpressions[0].operator", SpecErrorType.Invalid)]
    [InlineData("{nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: \"bad key\", operator: Exists}]}]}}}", Na + ".nodeSelectorTerms[0].matchExpressions[0].key", SpecErrorType.Invalid)]
    // ValidateNodeFieldSelectorRequirement
    [InlineData("{nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchFields: [{key: metadata.name, operator: In, values: [a, b]}]}]}}}", Na + ".nodeSelectorTerms[0].matchFields[0].values", SpecErrorType.Required)]
    [InlineData("{nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchFields: [{key: metadata.name, operator: Exists}]}]}}}", Na + ".nodeSelectorTerms[0].matchFields[0].operator", SpecErrorType.Invalid)]
    [InlineData("{nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchFields: [{key: metadata.uid, operator: In, values: [a]}]}]}}}", Na + ".nodeSelectorTerms[0].matchFields[0].key", SpecErrorType.Invalid)]
    [InlineData("{nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchFields: [{key: metadata.name, operator: In, values: [Node_1]}]}]}}}", Na + ".nodeSelectorTerms[0].matchFields[0].values[0]", SpecErrorType.Invalid)]
    // ValidatePreferredSchedulingTerms
    [InlineData("{nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 0, preference: {}}]}}", Np + "[0].weight", SpecErrorType.Invalid)]
    [InlineData("{nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 101, preference: {}}]}}", Np + "[0].weight", SpecErrorType.Invalid)]
    [InlineData("{nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 5, preference: {matchExpressions: [{key: zone, operator: NotIn}]}}]}}", Np + "[0].preference.matchExpressions[0].values", SpecErrorType.Required)]
    // validatePodAffinityTerm (the selector's path is the server's quirk: ...matchExpressions)
    [InlineData("{podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {matchLabels: {app: web}}}]}}", Pa + "[0].topologyKey", SpecErrorType.Required)]
    [InlineData("{podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: \"bad key\"}]}}", Pa + "[0].topologyKey", SpecErrorType.Invalid)]
    [InlineData("{podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: zone, namespaces: [Prod]}]}}", Pa + "[0].namespace", SpecErrorType.Invalid)]
    [InlineData("{podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: zone, labelSelector: {matchLabels: {app: \"a b\"}}}]}}", Pa + "[0].matchExpressions.matchLabels", SpecErrorType.Invalid)]
    [InlineData("{podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: zone, labelSelector: {matchExpressions: [{key: app, operator: In}]}}]}}", Pa + "[0].matchExpressions.matchExpressions[0].values", SpecErrorType.Required)]
    [InlineData("{podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: zone, labelSelector: {matchExpressions: [{key: app, operator: Gt, values: [\"1\"]}]}}]}}", Pa + "[0].matchExpressions.matchExpressions[0].operator", SpecErrorType.Invalid)]
    // validateWeightedPodAffinityTerms
    [InlineData("{podAntiAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 0, podAffinityTerm: {topologyKey: zone}}]}}", Pp + "[0].weight", SpecErrorType.Invalid)]
    [InlineData("{podAntiAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 10, podAffinityTerm: {}}]}}", Pp + "[0].podAffinityTerm.topologyKey", SpecErrorType.Required)]
    public void Invalid_affinity_is_an_error(string affinity, string path, object type)
    {
        Affinity(affinity).Single(path, (SpecErrorType)type);
    }

    [Fact]
    public void An_empty_topology_key_is_also_not_a_qualified_name()
    {
        // As the server: Required "can not be empty", then ValidateLabelName's messages.
        var errors = Affinity("{podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {}}]}}");
        errors.Single(Pa + "[0].topologyKey", SpecErrorType.Required);
        Assert.Contains(errors.All, e => e.Path.ToString() == Pa + "[0].topologyKey" && e.Type == SpecErrorType.Invalid);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{nodeAffinity: {}}")]
    [InlineData("{nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/arch, operator: In, values: [amd64, arm64]}]}]}}}")]
    [InlineData("{nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: cpus, operator: Gt, values: [\"4\"]}, {key: gpu, operator: DoesNotExist}]}]}}}")]
    [InlineData("{nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchFields: [{key: metadata.name, operator: NotIn, values: [node-1]}]}]}}}")]
    [InlineData("{nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{}]}}}")]
    [InlineData("{nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 100, preference: {matchExpressions: [{key: zone, operator: In, values: [a]}]}}, {weight: 1, preference: {}}]}}")]
    [InlineData("{podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: topology.kubernetes.io/zone, namespaces: [prod], labelSelector: {matchLabels: {app: web}, matchExpressions: [{key: tier, operator: NotIn, values: [db]}]}}]}}")]
    [InlineData("{podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: kubernetes.io/hostname}], preferredDuringSchedulingIgnoredDuringExecution: [{weight: 50, podAffinityTerm: {topologyKey: zone, labelSelector: {matchExpressions: [{key: app, operator: Exists}]}}}]}}")]
    public void Valid_affinity_stays_valid(string affinity)
    {
        Affinity(affinity).AssertValid();
    }
}
