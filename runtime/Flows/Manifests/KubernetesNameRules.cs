using System.Text.RegularExpressions;

namespace Flows.Manifests;

/// <summary>
/// The API server's shapes of names and labels (k8s.io/apimachinery/pkg/util/validation): written once, for the
/// runtime's checks and (linked) for the build-time checks. Each pattern ends in <c>\z</c>, not <c>$</c>, which
/// would also match before a final newline.
/// </summary>
#if FLOWS_GENERATOR
internal
#else
public
#endif
static class KubernetesNameRules
{
    public const int LabelMaxLength = 63;

    public const int SubdomainMaxLength = 253;

    private static readonly Regex Dns1123LabelPattern = new(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?\z", RegexOptions.CultureInvariant);

    private static readonly Regex Dns1123SubdomainPattern = new(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\z", RegexOptions.CultureInvariant);

    private static readonly Regex LabelNamePattern = new(@"^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\z", RegexOptions.CultureInvariant);

    private static readonly Regex LabelValuePattern = new(@"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\z", RegexOptions.CultureInvariant);

    /// <summary>A DNS-1123 label (container, volume and namespace names): at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit.</summary>
    public static bool IsDns1123Label(string name) => name.Length <= LabelMaxLength && Dns1123LabelPattern.IsMatch(name);

    /// <summary>A DNS-1123 subdomain of at most <paramref name="maxLength"/> characters: DNS labels joined by '.'.</summary>
    public static bool IsDns1123Subdomain(string name, int maxLength = SubdomainMaxLength) => name.Length <= maxLength && Dns1123SubdomainPattern.IsMatch(name);

    /// <summary>The name part of a label key (after an optional <c>prefix/</c>).</summary>
    public static bool IsLabelName(string name) => name.Length is > 0 and <= LabelMaxLength && LabelNamePattern.IsMatch(name);

    /// <summary>A label value: empty, or at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit.</summary>
    public static bool IsLabelValue(string value) => value.Length <= LabelMaxLength && LabelValuePattern.IsMatch(value);
}
