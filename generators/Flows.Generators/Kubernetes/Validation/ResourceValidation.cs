using System;
using System.Collections.Generic;
using System.Linq;

namespace Flows.Generators.Kubernetes.Validation;

// Not checked at build time, and why:
// - that the cluster's nodes have the resource, that a LimitRange or ResourceQuota admits the amounts: cluster state.
// - pod overhead against the RuntimeClass (the RuntimeClass admission plugin sets or compares it): cluster state.
// - ValidatePodSingleHugePageResources: only with HugePageStorageMediumSize off; it is Beta and on in 1.20.
// Defaulting applied first: SetDefaults_ResourceList rounds every quantity up to milli precision (away from zero),
// and for a Pod (not a Job's template) SetDefaults_Pod sets each missing request to its limit.

/// <summary>ValidateResourceRequirements, validateResourceName, ValidateResourceQuantityValue and validateOverhead of pkg/apis/core/validation (1.20).</summary>
internal static class ResourceValidation
{
    private static readonly HashSet<string> StandardResources = new(StringComparer.Ordinal)
    {
        "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage",
        "limits.cpu", "limits.memory", "limits.ephemeral-storage", "pods", "resourcequotas", "services",
        "replicationcontrollers", "secrets", "configmaps", "persistentvolumeclaims", "storage", "requests.storage",
        "services.nodeports", "services.loadbalancers",
    };

    private static readonly HashSet<string> IntegerResources = new(StringComparer.Ordinal)
    {
        "pods", "resourcequotas", "services", "replicationcontrollers", "secrets", "configmaps", "persistentvolumeclaims",
        "services.nodeports", "services.loadbalancers",
    };

    /// <summary>validateOverhead: a pod's spec.overhead, checked as the limits of a ResourceRequirements (so the server's paths are overhead.limits[name]).</summary>
    public static void ValidateOverhead(SpecValidation validation, SpecNode overhead)
    {
        if (!overhead.Exists)
        {
            return;
        }
        ValidateResourceList(validation, overhead.Entries, overhead.Path.Child("limits"), out _, out _);
    }

    /// <summary>ValidateResourceRequirements: a container's resources (limits and requests).</summary>
    public static void ValidateResourceRequirements(SpecValidation validation, SpecNode resources, bool defaultRequestsToLimits)
    {
        var errors = validation.Errors;
        var limitsNode = resources["limits"];
        var requestsNode = resources["requests"];
        var limits = ValidateResourceList(validation, limitsNode.Entries, limitsNode.Path, out var limContainsCpuOrMemory, out var limContainsHugePages);

        var requestEntries = requestsNode.Entries.ToList();
        var requests = ValidateResourceList(validation, requestEntries, requestsNode.Path, out var reqContainsCpuOrMemory, out var reqContainsHugePages);
        foreach (var entry in requestEntries)
        {
            var name = entry.Key;
            if (!requests.TryGetValue(name, out var quantity))
            {
                continue;
            }
            // Check that request <= limit.
            if (limits.TryGetValue(name, out var limit))
            {
                if (quantity != limit && !IsOvercommitAllowed(name))
                {
                    errors.Invalid(requestsNode, QuantityText(entry.Value), $"must be equal to {name} limit", SpecRule.Quantity);
                }
                else if (quantity > limit)
                {
                    // At the limit's value, the one the message (FLOW042, FLOW072) speaks of; the path is the server's.
                    var limitValue = limitsNode[name];
                    errors.Invalid(new SpecNode(limitValue.Node, requestsNode.Path, requestsNode.Location), QuantityText(entry.Value), RequestAboveLimit(name), SpecRule.Quantity);
                }
            }
            else if (!IsOvercommitAllowed(name) && !limitsNode.Entries.Any(e => e.Key == name))
            {
                errors.Required(limitsNode, "Limit must be set for non overcommitable resources");
            }
        }
        if (defaultRequestsToLimits)
        {
            // SetDefaults_Pod: a limit without a request makes the request; it then counts as requested too.
            foreach (var entry in limitsNode.Entries)
            {
                if (IsHugePageResourceName(entry.Key))
                {
                    reqContainsHugePages = true;
                }
                if (entry.Key is "cpu" or "memory")
                {
                    reqContainsCpuOrMemory = true;
                }
            }
        }
        if (!limContainsCpuOrMemory && !reqContainsCpuOrMemory && (reqContainsHugePages || limContainsHugePages))
        {
            errors.Forbidden(resources, "HugePages require cpu or memory");
        }
    }

    /// <summary>The loop body of ValidateResourceRequirements over one list: each name (validateContainerResourceName) and quantity (ValidateResourceQuantityValue); the parsed, defaulted values by name.</summary>
    private static Dictionary<string, decimal> ValidateResourceList(SpecValidation validation, IEnumerable<KeyValuePair<string, SpecNode>> entries, FieldPath listPath, out bool containsCpuOrMemory, out bool containsHugePages)
    {
        containsCpuOrMemory = false;
        containsHugePages = false;
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var name = entry.Key;
            var field = entry.Value.At(listPath.Key(name));
            ValidateContainerResourceName(validation, field, name);
            if (ParseQuantity(entry.Value) is { } quantity)
            {
                ValidateResourceQuantityValue(validation, field, name, quantity, QuantityText(entry.Value));
                values[name] = quantity;
            }
            if (IsHugePageResourceName(name))
            {
                containsHugePages = true;
            }
            if (name is "cpu" or "memory")
            {
                containsCpuOrMemory = true;
            }
        }
        return values;
    }

    /// <summary>validateContainerResourceName (with validateResourceName): a standard container resource, a hugepages size or an extended resource.</summary>
    private static void ValidateContainerResourceName(SpecValidation validation, SpecNode field, string value)
    {
        var errors = validation.Errors;
        // validateResourceName
        var messages = NameRules.IsQualifiedName(value);
        errors.InvalidEach(field, value, messages);
        var unqualified = value.Split('/').Length == 1;
        if (messages.Count == 0 && unqualified && !IsStandardResourceName(value))
        {
            errors.Invalid(field, value, "must be a standard resource type or fully qualified");
        }
        if (unqualified)
        {
            if (!IsStandardContainerResourceName(value))
            {
                errors.Invalid(field, value, "must be a standard resource for containers");
            }
        }
        else if (!IsNativeResource(value) && !IsExtendedResourceName(value))
        {
            errors.Invalid(field, value, "doesn't follow extended resource name standard");
        }
    }

    /// <summary>ValidateResourceQuantityValue: not negative (ValidateNonnegativeQuantity), and whole for integer resources.</summary>
    private static void ValidateResourceQuantityValue(SpecValidation validation, SpecNode field, string resource, decimal value, string text)
    {
        if (value < 0 && !validation.Errors.All.Any(e => e.Path.ToString() == field.Path.ToString()))
        {
            // (The schema check may already have rejected a negative quantity at this node.)
            validation.Errors.Invalid(field, text, CommonRules.IsNegativeErrorMessage, SpecRule.Quantity);
        }
        if (IsIntegerResourceName(resource) && value != decimal.Truncate(value))
        {
            validation.Errors.Invalid(field, text, "must be an integer");
        }
    }

    /// <summary>The detail of a request above its limit.</summary>
    internal static string RequestAboveLimit(string resource) => $"must be less than or equal to {resource} limit";

    /// <summary>A quantity's text as written (a string or a number).</summary>
    internal static string QuantityText(SpecNode node) => node.String ?? node.Json ?? "";

    /// <summary>A quantity (negative ones too) after SetDefaults_ResourceList: rounded up to milli precision, away from zero; null when it is not one.</summary>
    internal static decimal? ParseQuantity(SpecNode node)
    {
        if (node.Type is not (JsonType.String or JsonType.Integer or JsonType.Number))
        {
            return null;
        }
        var text = QuantityText(node).Trim();
        var negative = text.StartsWith("-", StringComparison.Ordinal);
        var magnitude = negative || text.StartsWith("+", StringComparison.Ordinal) ? text.Substring(1) : text;
        if (magnitude.StartsWith("-", StringComparison.Ordinal) || magnitude.StartsWith("+", StringComparison.Ordinal)
            || global::Flows.Manifests.KubernetesQuantity.TryParse(magnitude) is not { } value)
        {
            return null;
        }
        var rounded = value >= decimal.MaxValue / 1000m ? value : Math.Ceiling(value * 1000m) / 1000m;
        return negative ? -rounded : rounded;
    }

    /// <summary>helper.IsHugePageResourceName.</summary>
    internal static bool IsHugePageResourceName(string name) => name.StartsWith("hugepages-", StringComparison.Ordinal);

    /// <summary>helper.IsStandardContainerResourceName.</summary>
    private static bool IsStandardContainerResourceName(string name) => name is "cpu" or "memory" or "ephemeral-storage" || IsHugePageResourceName(name);

    /// <summary>helper.IsStandardResourceName (with IsQuotaHugePageResourceName).</summary>
    private static bool IsStandardResourceName(string name) =>
        StandardResources.Contains(name) || IsHugePageResourceName(name) || name.StartsWith("requests.hugepages-", StringComparison.Ordinal);

    /// <summary>helper.IsNativeResource: unqualified, or in the kubernetes.io/ namespace.</summary>
    private static bool IsNativeResource(string name) => !name.Contains("/") || name.Contains("kubernetes.io/");

    /// <summary>helper.IsExtendedResourceName.</summary>
    private static bool IsExtendedResourceName(string name) =>
        !IsNativeResource(name) && !name.StartsWith("requests.", StringComparison.Ordinal) && NameRules.IsQualifiedName("requests." + name).Count == 0;

    /// <summary>helper.IsOvercommitAllowed.</summary>
    private static bool IsOvercommitAllowed(string name) => IsNativeResource(name) && !IsHugePageResourceName(name);

    /// <summary>helper.IsIntegerResourceName.</summary>
    private static bool IsIntegerResourceName(string name) => IntegerResources.Contains(name) || IsExtendedResourceName(name);
}
