using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Flows.Generators.Kubernetes.Validation;

/// <summary>validateObjectFieldSelector and validateContainerResourceFieldSelector of pkg/apis/core/validation (1.20), shared by env valueFrom and downwardAPI volumes.</summary>
/// <remarks>
/// Not checked at build time, and why:
/// - the hugepages resources (requests.hugepages-*, limits.hugepages-*) of a resourceFieldRef need the DownwardAPIHugePages
///   feature gate, alpha and off in 1.20: they are rejected (not supported), as the server does with the gate off.
/// </remarks>
internal static class FieldSelectorValidation
{
    /// <summary>validVolumeDownwardAPIFieldPathExpressions: the fieldRef paths a downwardAPI volume file may name.</summary>
    public static readonly IReadOnlyCollection<string> ValidVolumeDownwardAPIFieldPathExpressions = new HashSet<string>(StringComparer.Ordinal)
    {
        "metadata.name", "metadata.namespace", "metadata.labels", "metadata.annotations", "metadata.uid",
    };

    /// <summary>validEnvDownwardAPIFieldPathExpressions: the fieldRef paths an env var's valueFrom may name.</summary>
    public static readonly IReadOnlyCollection<string> ValidEnvDownwardAPIFieldPathExpressions = new HashSet<string>(StringComparer.Ordinal)
    {
        "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.podIP", "status.podIPs",
    };

    /// <summary>validContainerResourceFieldPathExpressions: the resources a resourceFieldRef may name.</summary>
    public static readonly IReadOnlyCollection<string> ValidContainerResourceFieldPathExpressions = new HashSet<string>(StringComparer.Ordinal)
    {
        "limits.cpu", "limits.memory", "limits.ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage",
    };

    /// <summary>validContainerResourceFieldPathPrefixes: empty, since DownwardAPIHugePages (alpha) is off in 1.20.</summary>
    public static readonly IReadOnlyCollection<string> ValidContainerResourceFieldPathPrefixes = new HashSet<string>(StringComparer.Ordinal);

    private const string HugepagesRequestsPrefixDownwardAPI = "requests.hugepages-";
    private const string HugepagesLimitsPrefixDownwardAPI = "limits.hugepages-";

    private static readonly HashSet<string> ValidDivisorsForCpu = new(StringComparer.Ordinal) { "1m", "1" };

    /// <summary>validContainerResourceDivisorForMemory (also for hugepages and ephemeral storage).</summary>
    private static readonly HashSet<string> ValidDivisorsForBytes = new(StringComparer.Ordinal)
    {
        "1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei",
    };

    /// <summary>validateObjectFieldSelector: a fieldRef (apiVersion, fieldPath) whose path must be one of <paramref name="validExpressions"/>.</summary>
    public static void ValidateObjectFieldSelector(SpecValidation validation, SpecNode fieldRef, ICollection<string> validExpressions)
    {
        var errors = validation.Errors;
        // SetDefaults_ObjectFieldSelector: an empty apiVersion becomes v1, so the server's "apiVersion: Required value" cannot happen.
        var apiVersion = fieldRef["apiVersion"].String is { Length: > 0 } version ? version : "v1";
        var fieldPathNode = fieldRef["fieldPath"];
        var fieldPath = fieldPathNode.StringOrEmpty;
        if (fieldPath.Length == 0)
        {
            errors.Required(fieldPathNode);
            return;
        }
        if (!ConvertDownwardAPIFieldLabel(apiVersion, fieldPath, out var internalFieldPath, out var conversionError))
        {
            errors.Invalid(fieldPathNode, fieldPath, "error converting fieldPath: " + conversionError);
            return;
        }
        if (SplitMaybeSubscriptedPath(internalFieldPath, out var path, out var subscript))
        {
            switch (path)
            {
                case "metadata.annotations":
                    errors.InvalidEach(fieldRef, subscript, NameRules.IsQualifiedName(subscript.ToLowerInvariant()));
                    break;
                case "metadata.labels":
                    errors.InvalidEach(fieldRef, subscript, NameRules.IsQualifiedName(subscript));
                    break;
                default:
                    errors.Invalid(fieldRef, path, "does not support subscript");
                    break;
            }
        }
        else if (!validExpressions.Contains(path))
        {
            errors.NotSupported(fieldPathNode, path, Sorted(validExpressions));
        }
    }

    /// <summary>validateContainerResourceFieldSelector: a resourceFieldRef (containerName, resource, divisor).</summary>
    public static void ValidateContainerResourceFieldSelector(SpecValidation validation, SpecNode resourceFieldRef, ICollection<string> validExpressions, ICollection<string> prefixes, bool volume)
    {
        var errors = validation.Errors;
        var containerName = resourceFieldRef["containerName"];
        var resourceNode = resourceFieldRef["resource"];
        var resource = resourceNode.StringOrEmpty;
        if (volume && containerName.StringOrEmpty.Length == 0)
        {
            errors.Required(containerName, "a downwardAPI volume's resourceFieldRef names the container whose resources it reads");
        }
        else if (resource.Length == 0)
        {
            errors.Required(resourceNode);
        }
        else if (!validExpressions.Contains(resource))
        {
            var foundPrefix = prefixes is not null && prefixes.Any(prefix => resource.StartsWith(prefix, StringComparison.Ordinal));
            if (!foundPrefix)
            {
                errors.NotSupported(resourceNode, resource, Sorted(validExpressions));
            }
        }
        ValidateContainerResourceDivisor(validation, resource, resourceFieldRef);
    }

    /// <summary>validateContainerResourceDivisor: a divisor (other than 0, which is unset) must be one of the units of its resource.</summary>
    private static void ValidateContainerResourceDivisor(SpecValidation validation, string resourceName, SpecNode resourceFieldRef)
    {
        var divisor = resourceFieldRef["divisor"];
        if (!divisor.Exists || (divisor.String ?? (divisor.Type is JsonType.Integer or JsonType.Number ? divisor.Json : null)) is not { } text)
        {
            return;
        }
        if (global::Flows.Manifests.KubernetesQuantity.TryParse(text) is not { } value)
        {
            return; // not a quantity: the schema check reports it
        }
        if (value == 0m)
        {
            return;
        }
        var canonical = CanonicalUnit(text, value);
        switch (resourceName)
        {
            case "limits.cpu":
            case "requests.cpu":
                if (canonical is null || !ValidDivisorsForCpu.Contains(canonical))
                {
                    validation.Errors.Invalid(divisor, resourceName, "only divisor's values 1m and 1 are supported with the cpu resource");
                }
                break;
            case "limits.memory":
            case "requests.memory":
                if (canonical is null || !ValidDivisorsForBytes.Contains(canonical))
                {
                    validation.Errors.Invalid(divisor, resourceName, "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource");
                }
                break;
            case "limits.ephemeral-storage":
            case "requests.ephemeral-storage":
                if (canonical is null || !ValidDivisorsForBytes.Contains(canonical))
                {
                    validation.Errors.Invalid(divisor, resourceName, "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the local ephemeral storage resource");
                }
                break;
        }
        if (resourceName.StartsWith(HugepagesRequestsPrefixDownwardAPI, StringComparison.Ordinal) || resourceName.StartsWith(HugepagesLimitsPrefixDownwardAPI, StringComparison.Ordinal))
        {
            if (canonical is null || !ValidDivisorsForBytes.Contains(canonical))
            {
                validation.Errors.Invalid(divisor, resourceName, "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the hugepages resource");
            }
        }
    }

    /// <summary>
    /// The canonical text (Quantity.String()) of a positive quantity when it is one unit ("1m", "1", "1k" ... "1E",
    /// "1Ki" ... "1Ei"), else null. The format comes from the suffix, as ParseQuantity keeps it: binary suffixes are
    /// BinarySI (below 1024, or not whole, shown as DecimalSI), an exponent is DecimalExponent ("1e3" stays "1e3"), anything
    /// else DecimalSI (a power of 1000 gets its SI suffix: "1000" is "1k", "1000m" is "1").
    /// </summary>
    internal static string? CanonicalUnit(string text) =>
        global::Flows.Manifests.KubernetesQuantity.TryParse(text) is { } value and > 0m ? CanonicalUnit(text, value) : null;

    private static string? CanonicalUnit(string text, decimal value)
    {
        var suffix = text.TrimStart('+', '-', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        var binary = suffix.Length == 2 && suffix[1] == 'i';
        var exponent = suffix.Length > 1 && (suffix[0] == 'e' || suffix[0] == 'E') && !binary;
        if (binary && value >= 1024m && decimal.Truncate(value) == value)
        {
            string[] binarySuffixes = { "Ki", "Mi", "Gi", "Ti", "Pi", "Ei" };
            var power = 1024m;
            foreach (var binarySuffix in binarySuffixes)
            {
                if (value == power)
                {
                    return "1" + binarySuffix;
                }
                power *= 1024m;
            }
            return null;
        }
        string[] decimalSuffixes = { "m", "", "k", "M", "G", "T", "P", "E" };
        var scale = 0.001m;
        for (var i = 0; i < decimalSuffixes.Length; i++, scale *= 1000m)
        {
            if (value == scale)
            {
                return exponent ? (i == 1 ? "1" : "1e" + ((i - 1) * 3).ToString(CultureInfo.InvariantCulture)) : "1" + decimalSuffixes[i];
            }
        }
        return null;
    }

    /// <summary>ConvertDownwardAPIFieldLabel of pkg/apis/core/pods: the v1 field label as the internal one.</summary>
    private static bool ConvertDownwardAPIFieldLabel(string version, string label, out string internalLabel, out string error)
    {
        internalLabel = "";
        error = "";
        if (version != "v1")
        {
            error = "unsupported pod version: " + version;
            return false;
        }
        if (SplitMaybeSubscriptedPath(label, out var path, out _))
        {
            if (path is "metadata.annotations" or "metadata.labels")
            {
                internalLabel = label;
                return true;
            }
            error = "field label does not support subscript: " + label;
            return false;
        }
        switch (label)
        {
            case "metadata.annotations":
            case "metadata.labels":
            case "metadata.name":
            case "metadata.namespace":
            case "metadata.uid":
            case "spec.nodeName":
            case "spec.restartPolicy":
            case "spec.serviceAccountName":
            case "spec.schedulerName":
            case "status.phase":
            case "status.hostIP":
            case "status.podIP":
            case "status.podIPs":
                internalLabel = label;
                return true;
            case "spec.host":
                internalLabel = "spec.nodeName";
                return true;
            default:
                error = "field label not supported: " + label;
                return false;
        }
    }

    /// <summary>SplitMaybeSubscriptedPath of pkg/fieldpath: <c>metadata.annotations['key']</c> is ("metadata.annotations", "key").</summary>
    private static bool SplitMaybeSubscriptedPath(string fieldPath, out string path, out string subscript)
    {
        path = fieldPath;
        subscript = "";
        if (!fieldPath.EndsWith("']", StringComparison.Ordinal))
        {
            return false;
        }
        var trimmed = fieldPath.Substring(0, fieldPath.Length - 2);
        var open = trimmed.IndexOf("['", StringComparison.Ordinal);
        if (open <= 0)
        {
            return false;
        }
        path = trimmed.Substring(0, open);
        subscript = trimmed.Substring(open + 2);
        return true;
    }

    private static IEnumerable<string> Sorted(IEnumerable<string> values) => values.OrderBy(v => v, StringComparer.Ordinal);
}
