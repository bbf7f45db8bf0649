using System;
using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.Validation;

/// <summary>
/// ValidateObjectMeta of k8s.io/apimachinery/pkg/api/validation and ValidateLabels, ValidateLabelSelector of
/// pkg/apis/meta/v1/validation (1.20).
/// </summary>
internal static class ObjectMetaValidation
{
    private const int TotalAnnotationSizeLimit = 256 * 1024;

    /// <summary>A ValidateNameFunc: the problems with a name (or, with <c>prefix</c>, a generateName).</summary>
    public delegate List<string> NameRule(string name, bool prefix);

    /// <summary>NameIsDNSSubdomain: Jobs, Pods.</summary>
    public static List<string> NameIsDnsSubdomain(string name, bool prefix) => NameRules.IsDns1123Subdomain(prefix ? MaskTrailingDash(name) : name);

    /// <summary>NameIsDNSLabel: namespaces.</summary>
    public static List<string> NameIsDnsLabel(string name, bool prefix) => NameRules.IsDns1123Label(prefix ? MaskTrailingDash(name) : name);

    /// <summary>
    /// ValidateObjectMeta. Flows sets the name (the spec's name, cut to fit, plus a run suffix) and the namespace of
    /// what it creates, so a missing name or namespace is not the user's to add; a name that is there must be valid.
    /// </summary>
    public static void ValidateObjectMeta(SpecValidation validation, SpecNode metadata, bool requiresNamespace, NameRule nameRule)
    {
        var errors = validation.Errors;
        var generateName = metadata["generateName"];
        if (generateName.String is { Length: > 0 } prefix && !validation.Options.FlowsSetsName)
        {
            errors.InvalidEach(generateName, prefix, nameRule(prefix, true));
        }
        var name = metadata["name"];
        if (name.String is { Length: > 0 } value)
        {
            errors.InvalidEach(name, value, nameRule(value, false), SpecRule.ObjectName);
        }
        else if (!validation.Options.FlowsSetsName)
        {
            errors.Required(name, "name or generateName is required");
        }
        var ns = metadata["namespace"];
        if (!requiresNamespace && ns.String is { Length: > 0 })
        {
            errors.Forbidden(ns, "not allowed on this type");
        }
        else if (ns.String is { Length: > 0 } namespaceName)
        {
            errors.InvalidEach(ns, namespaceName, NameIsDnsLabel(namespaceName, false), SpecRule.ObjectName);
        }
        if (metadata["clusterName"].String is { Length: > 0 } clusterName)
        {
            errors.InvalidEach(metadata["clusterName"], clusterName, NameRules.IsDns1035Label(clusterName));
        }
        CommonRules.NonNegative(validation, metadata["generation"]);
        ValidateLabels(validation, metadata["labels"]);
        ValidateAnnotations(validation, metadata["annotations"]);
        ValidateOwnerReferences(validation, metadata["ownerReferences"]);
        ValidateFinalizers(validation, metadata["finalizers"]);
    }

    /// <summary>ValidateLabels: each key a qualified name, each value a label value.</summary>
    public static void ValidateLabels(SpecValidation validation, SpecNode labels)
    {
        foreach (var entry in labels.Entries)
        {
            var key = new SpecNode(labels.KeyNode(entry.Key), labels.Path, labels.Location);
            validation.Errors.InvalidEach(key, entry.Key, NameRules.IsQualifiedName(entry.Key), SpecRule.Label);
            var value = entry.Value.String ?? "";
            validation.Errors.InvalidEach(new SpecNode(entry.Value.Node, labels.Path, labels.Location), value, NameRules.IsValidLabelValue(value), SpecRule.Label);
        }
    }

    /// <summary>ValidateAnnotations: keys are qualified names (compared in lower case), at most 256 KiB in all.</summary>
    public static void ValidateAnnotations(SpecValidation validation, SpecNode annotations)
    {
        long size = 0;
        foreach (var entry in annotations.Entries)
        {
            var key = new SpecNode(annotations.KeyNode(entry.Key), annotations.Path, annotations.Location);
            validation.Errors.InvalidEach(key, entry.Key, NameRules.IsQualifiedName(entry.Key.ToLowerInvariant()));
            size += NameRules.Length(entry.Key) + NameRules.Length(entry.Value.String ?? "");
        }
        if (size > TotalAnnotationSizeLimit)
        {
            validation.Errors.TooLong(annotations, TotalAnnotationSizeLimit);
        }
    }

    /// <summary>ValidateLabelSelector (meta/v1).</summary>
    public static void ValidateLabelSelector(SpecValidation validation, SpecNode selector)
    {
        if (!selector.Exists)
        {
            return;
        }
        ValidateLabels(validation, selector["matchLabels"]);
        foreach (var requirement in selector["matchExpressions"].Items)
        {
            ValidateLabelSelectorRequirement(validation, requirement);
        }
    }

    /// <summary>ValidateLabelSelectorRequirement.</summary>
    public static void ValidateLabelSelectorRequirement(SpecValidation validation, SpecNode requirement)
    {
        var op = requirement["operator"].StringOrEmpty;
        var values = requirement["values"];
        switch (op)
        {
            case "In":
            case "NotIn":
                if (values.Count == 0)
                {
                    validation.Errors.Required(values, "must be specified when `operator` is 'In' or 'NotIn'");
                }
                break;
            case "Exists":
            case "DoesNotExist":
                if (values.Count > 0)
                {
                    validation.Errors.Forbidden(values, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                }
                break;
            default:
                validation.Errors.Invalid(requirement["operator"], op, "not a valid selector operator");
                break;
        }
        var key = requirement["key"];
        validation.Errors.InvalidEach(key, key.StringOrEmpty, NameRules.IsQualifiedName(key.StringOrEmpty));
    }

    /// <summary>
    /// Whether a LabelSelector matches a set of labels (metav1.LabelSelectorAsSelector, then Matches). A label whose
    /// value is null in <paramref name="labels"/> is there with a value only known at run time, which no literal matches.
    /// A nil selector matches nothing, an empty one everything.
    /// </summary>
    public static bool Matches(SpecNode selector, IReadOnlyDictionary<string, string?> labels)
    {
        if (!selector.Exists)
        {
            return false;
        }
        foreach (var entry in selector["matchLabels"].Entries)
        {
            if (!labels.TryGetValue(entry.Key, out var actual) || actual is null || actual != (entry.Value.String ?? ""))
            {
                return false;
            }
        }
        foreach (var requirement in selector["matchExpressions"].Items)
        {
            var key = requirement["key"].StringOrEmpty;
            var values = new HashSet<string>(StringComparer.Ordinal);
            foreach (var value in requirement["values"].Items)
            {
                values.Add(value.StringOrEmpty);
            }
            var present = labels.TryGetValue(key, out var actual);
            var matches = requirement["operator"].StringOrEmpty switch
            {
                "In" => present && actual is not null && values.Contains(actual),
                "NotIn" => !present || (actual is not null && !values.Contains(actual)),
                "Exists" => present,
                "DoesNotExist" => !present,
                _ => false,
            };
            if (!matches)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// metav1.LabelSelectorAsSelector succeeds: every key a qualified name, every value a label value, a known operator
    /// with values for In/NotIn and none for Exists/DoesNotExist. Where it fails, the server compares nothing.
    /// </summary>
    public static bool IsConvertible(SpecNode selector)
    {
        foreach (var entry in selector["matchLabels"].Entries)
        {
            if (NameRules.IsQualifiedName(entry.Key).Count > 0 || NameRules.IsValidLabelValue(entry.Value.String ?? "").Count > 0)
            {
                return false;
            }
        }
        foreach (var requirement in selector["matchExpressions"].Items)
        {
            var values = requirement["values"].Items;
            var valid = requirement["operator"].StringOrEmpty switch
            {
                "In" or "NotIn" => values.Count > 0,
                "Exists" or "DoesNotExist" => values.Count == 0,
                _ => false,
            };
            if (!valid || NameRules.IsQualifiedName(requirement["key"].StringOrEmpty).Count > 0)
            {
                return false;
            }
            foreach (var value in values)
            {
                if (NameRules.IsValidLabelValue(value.StringOrEmpty).Count > 0)
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static void ValidateOwnerReferences(SpecValidation validation, SpecNode ownerReferences)
    {
        var controllers = 0;
        foreach (var reference in ownerReferences.Items)
        {
            foreach (var field in new[] { "apiVersion", "kind", "name", "uid" })
            {
                if (reference[field].StringOrEmpty.Length == 0)
                {
                    validation.Errors.Invalid(reference[field], reference[field].StringOrEmpty, field == "apiVersion" ? "version must not be empty" : field + " must not be empty");
                }
            }
            if (reference["controller"].Boolean == true)
            {
                controllers++;
            }
        }
        if (controllers > 1)
        {
            validation.Errors.InvalidObject(ownerReferences, "Only one reference can have Controller set to true");
        }
    }

    private static void ValidateFinalizers(SpecValidation validation, SpecNode finalizers)
    {
        var orphan = false;
        var delete = false;
        foreach (var finalizer in finalizers.Items)
        {
            var name = finalizer.StringOrEmpty;
            validation.Errors.InvalidEach(new SpecNode(finalizer.Node, finalizers.Path, finalizers.Location), name, NameRules.IsQualifiedName(name));
            orphan |= name == "orphan";
            delete |= name == "foregroundDeletion";
        }
        if (orphan && delete)
        {
            validation.Errors.InvalidObject(finalizers, "finalizer orphan and foregroundDeletion cannot be both set");
        }
    }

    private static string MaskTrailingDash(string name) =>
        name.Length > 1 && name[name.Length - 1] == '-' ? name.Substring(0, name.Length - 2) + "a" : name;
}
