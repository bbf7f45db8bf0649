using Flows.Generators.Core;
using Flows.Generators.Tests.Kubernetes.Validation;
using Xunit;

namespace Flows.Generators.Tests.Kubernetes;

/// <summary>Plain YAML scalars become the JSON that kubectl (sigs.k8s.io/yaml, YAML 1.1) would send.</summary>
public sealed class YamlJsonTests
{
    [Theory]
    [InlineData("0644", "420")]
    [InlineData("0o17", "15")]
    [InlineData("0x1F", "31")]
    [InlineData("0b101", "5")]
    [InlineData("-0x10", "-16")]
    [InlineData("1_000", "1000")]
    [InlineData("09", "9")]
    [InlineData("12", "12")]
    [InlineData("1.5", "1.5")]
    [InlineData("\"0644\"", "\"0644\"")]
    [InlineData("yes", "true")]
    [InlineData("~", "null")]
    public void A_plain_scalar_becomes_the_value_kubectl_reads(string yaml, string json) =>
        Assert.Equal("{\"v\":" + json + "}", YamlJson.ToJson(SpecValidationKit.Root("v: " + yaml + "\n")));
}
