using Flows.Generators.Kubernetes.Validation;
using Xunit;

namespace Flows.Generators.Tests.Kubernetes.Validation;

/// <summary>validateDNSPolicy, validatePodDNSConfig, hostname/subdomain and ValidateHostAliases.</summary>
public sealed class PodDnsValidationTests
{
    [Theory]
    [InlineData("dnsPolicy: ClusterLast", "spec.dnsPolicy", SpecErrorType.NotSupported)]
    [InlineData("dnsPolicy: None", "spec.dnsConfig", SpecErrorType.Required)]
    [InlineData("dnsPolicy: None\ndnsConfig: {searches: [a.b]}", "spec.dnsConfig.nameservers", SpecErrorType.Required)]
    [InlineData("dnsConfig: {nameservers: [1.1.1.1, 1.0.0.1, 8.8.8.8, 8.8.4.4]}", "spec.dnsConfig.nameservers", SpecErrorType.Invalid)]
    [InlineData("dnsConfig: {nameservers: [dns.local]}", "spec.dnsConfig.nameservers[0]", SpecErrorType.Invalid)]
    // The lane's API server (built with Go 1.19) refuses leading zeros in IPv4 octets, as kubectl create --dry-run=server shows.
    [InlineData("dnsConfig: {nameservers: [010.0.0.1]}", "spec.dnsConfig.nameservers[0]", SpecErrorType.Invalid)]
    [InlineData("hostAliases: [{ip: 010.0.0.1, hostnames: [a]}]", "spec.hostAliases.ip", SpecErrorType.Invalid)]
    [InlineData("dnsConfig: {searches: [a, b, c, d, e, f, g]}", "spec.dnsConfig.searches", SpecErrorType.Invalid)]
    [InlineData("dnsConfig: {searches: [Bad_Domain]}", "spec.dnsConfig.searches[0]", SpecErrorType.Invalid)]
    [InlineData("dnsConfig: {searches: [\"a..b\"]}", "spec.dnsConfig.searches[0]", SpecErrorType.Invalid)]
    [InlineData("dnsConfig: {options: [{value: \"2\"}]}", "spec.dnsConfig.options[0]", SpecErrorType.Required)]
    [InlineData("hostname: web.1", "spec.hostname", SpecErrorType.Invalid)]
    [InlineData("subdomain: Sub", "spec.subdomain", SpecErrorType.Invalid)]
    [InlineData("hostAliases: [{ip: 10.0.0.300, hostnames: [a]}]", "spec.hostAliases.ip", SpecErrorType.Invalid)]
    [InlineData("hostAliases: [{hostnames: [a]}]", "spec.hostAliases.ip", SpecErrorType.Invalid)]
    [InlineData("hostAliases: [{ip: 127.0.0.1, hostnames: [ok, Not_Ok]}]", "spec.hostAliases.hostnames", SpecErrorType.Invalid)]
    public void Invalid_dns_fields_are_errors(string extra, string path, object type)
    {
        PodSpecRulesTests.Spec(extra).Single(path, (SpecErrorType)type);
    }

    [Fact]
    public void A_search_list_over_256_characters_is_an_error()
    {
        var label = new string('a', 63);
        var search = label + "." + label;
        PodSpecRulesTests.Spec($"dnsConfig: {{searches: [{search}, {search}, a]}}").Single("spec.dnsConfig.searches", SpecErrorType.Invalid);
        PodSpecRulesTests.Spec($"dnsConfig: {{searches: [{search}, {search}]}}").AssertValid();
    }

    [Theory]
    [InlineData("dnsPolicy: ClusterFirst")]
    [InlineData("dnsPolicy: ClusterFirstWithHostNet\nhostNetwork: true")]
    [InlineData("dnsPolicy: Default")]
    [InlineData("dnsPolicy: \"\"")]
    [InlineData("dnsPolicy: None\ndnsConfig: {nameservers: [1.1.1.1]}")]
    [InlineData("dnsConfig: {}")]
    [InlineData("dnsConfig: {nameservers: [1.1.1.1, \"2001:4860:4860::8888\"], searches: [svc.cluster.local., example.com], options: [{name: ndots, value: \"2\"}, {name: edns0}]}")]
    [InlineData("hostname: web-1\nsubdomain: headless")]
    [InlineData("hostname: \"\"")]
    [InlineData("hostAliases: [{ip: 127.0.0.1, hostnames: [foo.local, bar]}, {ip: \"::1\"}]")]
    public void Valid_dns_fields_stay_valid(string extra)
    {
        PodSpecRulesTests.Spec(extra).AssertValid();
    }
}
