using System.Text.RegularExpressions;

namespace Flows.Docker.LocalJobs;

internal static partial class KubernetesNames
{
    /// <summary>A DNS-1123 label (container and volume names): at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit.</summary>
    public static bool IsDnsLabel(string name) => name.Length <= 63 && DnsLabel().IsMatch(name);

    // \z, not $: $ also matches before a final newline.
    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?\z")]
    private static partial Regex DnsLabel();
}
