using System;
using System.Globalization;
using Rules = global::Flows.Manifests.KubernetesNameRules;

namespace Flows.Generators.Kubernetes;

/// <summary>The API server's rules for names, labels and resource quantities, as messages (the rules themselves are the runtime's <see cref="global::Flows.Manifests.KubernetesNameRules"/>).</summary>
internal static class KubernetesNames
{
    /// <summary>Null when <paramref name="name"/> is a valid DNS-1123 label (container names); else the problem.</summary>
    public static string? Dns1123LabelProblem(string name) =>
        name.Length > 63 ? $"'{name}' is longer than 63 characters"
        : Rules.IsDns1123Label(name) ? null
        : $"'{name}' must consist of lowercase letters, digits and '-', and start and end with a letter or digit";

    /// <summary>Null when <paramref name="name"/> is a valid DNS-1123 subdomain of at most 63 characters (Job names).</summary>
    public static string? JobNameProblem(string name) =>
        name.Length > 63 ? $"'{name}' is longer than 63 characters"
        : Rules.IsDns1123Subdomain(name) ? null
        : $"'{name}' must consist of lowercase letters, digits, '-' and '.', and start and end with a letter or digit";

    public static string? LabelKeyProblem(string key)
    {
        var slash = key.IndexOf('/');
        var prefix = slash >= 0 ? key.Substring(0, slash) : null;
        var name = slash >= 0 ? key.Substring(slash + 1) : key;
        if (prefix is not null && !Rules.IsDns1123Subdomain(prefix))
        {
            return $"the prefix '{prefix}' of label key '{key}' must be a DNS subdomain (lowercase letters, digits, '-', '.')";
        }
        if (!Rules.IsLabelName(name))
        {
            return $"label key '{key}' must be at most 63 letters, digits, '-', '_' or '.' (after an optional 'prefix/'), starting and ending with a letter or digit";
        }
        return null;
    }

    public static string? LabelValueProblem(string key, string value) =>
        Rules.IsLabelValue(value)
            ? null
            : $"the value '{value}' of label '{key}' must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (or empty)";

    /// <summary>The quantity's value in base units, or null when the API server would not parse it.</summary>
    public static decimal? ParseQuantity(string text) => global::Flows.Manifests.KubernetesQuantity.TryParse(text);
}
