using System;
using System.Linq;

namespace Flows.Generators.Kubernetes.Validation;

/// <summary>
/// The DNS and host name rules of a pod spec in pkg/apis/core/validation (1.20): validateDNSPolicy,
/// validatePodDNSConfig, the hostname and subdomain checks of ValidatePodSpec, and ValidateHostAliases.
/// </summary>
/// <remarks>
/// Not checked at build time, and why:
/// - setHostnameAsFQDN: 1.20 has no validation rule for it (the gate is Beta, on; a hostname longer than 64
///   characters with it fails only when the kubelet starts the pod, not at the API server).
/// - dnsPolicy ClusterFirstWithHostNet without hostNetwork is accepted by the server (the kubelet falls back).
/// </remarks>
internal static class PodDnsValidation
{
    private const int MaxDnsNameservers = 3;
    private const int MaxDnsSearchPaths = 6;
    private const int MaxDnsSearchListChars = 256;

    private static readonly string[] DnsPolicies = { "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None" };

    /// <summary>The dnsPolicy the server validates: the spec's, or when absent or "", the v1 default ClusterFirst.</summary>
    public static string EffectiveDnsPolicy(SpecNode spec) =>
        spec["dnsPolicy"].String is { Length: > 0 } policy ? policy : "ClusterFirst";

    /// <summary>validateDNSPolicy (after defaulting, so never empty).</summary>
    public static void ValidateDnsPolicy(SpecValidation validation, SpecNode dnsPolicy, string policy)
    {
        if (policy.Length == 0)
        {
            validation.Errors.Required(dnsPolicy);
        }
        else if (Array.IndexOf(DnsPolicies, policy) < 0)
        {
            validation.Errors.NotSupported(dnsPolicy, policy, DnsPolicies);
        }
    }

    /// <summary>validatePodDNSConfig.</summary>
    public static void ValidatePodDnsConfig(SpecValidation validation, SpecNode dnsConfig, string dnsPolicy)
    {
        var errors = validation.Errors;
        var nameservers = dnsConfig["nameservers"];
        // Validate DNSNone case. Must provide at least one DNS name server.
        if (dnsPolicy == "None")
        {
            if (!dnsConfig.Exists)
            {
                errors.Required(dnsConfig, "must provide `dnsConfig` when `dnsPolicy` is None");
                return;
            }
            if (nameservers.Items.Count == 0)
            {
                errors.Required(nameservers, "must provide at least one DNS nameserver when `dnsPolicy` is None");
                return;
            }
        }
        if (!dnsConfig.Exists)
        {
            return;
        }
        // Validate nameservers.
        if (nameservers.Items.Count > MaxDnsNameservers)
        {
            errors.InvalidObject(nameservers, $"must not have more than {MaxDnsNameservers} nameservers");
        }
        foreach (var nameserver in nameservers.Items)
        {
            if (NameRules.ParseIP(nameserver.StringOrEmpty) is null)
            {
                errors.Invalid(nameserver, nameserver.StringOrEmpty, "must be valid IP address");
            }
        }
        // Validate searches.
        var searches = dnsConfig["searches"];
        var searchList = searches.Items.Select(s => s.StringOrEmpty).ToList();
        if (searchList.Count > MaxDnsSearchPaths)
        {
            errors.InvalidObject(searches, $"must not have more than {MaxDnsSearchPaths} search paths");
        }
        // Include the space between search paths.
        if (NameRules.Length(string.Join(" ", searchList)) > MaxDnsSearchListChars)
        {
            errors.InvalidObject(searches, "must not have more than 256 characters (including spaces) in the search list");
        }
        foreach (var search in searches.Items)
        {
            // it is fine to have a trailing dot
            var name = search.StringOrEmpty;
            if (name.EndsWith(".", StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - 1);
            }
            CommonRules.Dns1123Subdomain(validation, search, name);
        }
        // Validate options.
        foreach (var option in dnsConfig["options"].Items)
        {
            if (option["name"].StringOrEmpty.Length == 0)
            {
                errors.Required(option, "must not be empty");
            }
        }
    }

    /// <summary>ValidatePodSpec's hostname and subdomain checks: each, when set, a DNS label.</summary>
    public static void ValidateHostnameAndSubdomain(SpecValidation validation, SpecNode spec)
    {
        foreach (var field in new[] { "hostname", "subdomain" })
        {
            if (spec[field].String is { Length: > 0 } value)
            {
                CommonRules.Dns1123Label(validation, spec[field], value);
            }
        }
    }

    /// <summary>ValidateHostAliases: each ip an IP address, each hostname a DNS subdomain (the server's paths have no index: spec.hostAliases.ip).</summary>
    public static void ValidateHostAliases(SpecValidation validation, SpecNode hostAliases)
    {
        var ipPath = hostAliases.Path.Child("ip");
        var hostnamesPath = hostAliases.Path.Child("hostnames");
        foreach (var alias in hostAliases.Items)
        {
            var ip = alias["ip"];
            if (NameRules.ParseIP(ip.StringOrEmpty) is null)
            {
                validation.Errors.Invalid(PodValidation.At(ip, ipPath), ip.StringOrEmpty, "must be valid IP address");
            }
            foreach (var hostname in alias["hostnames"].Items)
            {
                CommonRules.Dns1123Subdomain(validation, PodValidation.At(hostname, hostnamesPath), hostname.StringOrEmpty);
            }
        }
    }
}
