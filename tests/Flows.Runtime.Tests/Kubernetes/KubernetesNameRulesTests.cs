using Flows.Manifests;

namespace Flows.Runtime.Tests.Kubernetes;

/// <summary>
/// The one set of name and label shapes, which the generator compiles in too. The cases are those of
/// k8s.io/apimachinery's validation tests, and a trailing newline, which the generator's own copy of the patterns
/// (ending in <c>$</c>) let through.
/// </summary>
public sealed class KubernetesNameRulesTests
{
    [Theory]
    [InlineData("a", true)]
    [InlineData("ab-c", true)]
    [InlineData("0-9", true)]
    [InlineData("a--b", true)]
    [InlineData("", false)]
    [InlineData("-a", false)]
    [InlineData("a-", false)]
    [InlineData("A", false)]
    [InlineData("a.b", false)]
    [InlineData("a_b", false)]
    [InlineData("abc\n", false)]
    [InlineData("ä", false)]
    public void Dns1123_labels(string name, bool valid) => Assert.Equal(valid, KubernetesNameRules.IsDns1123Label(name));

    [Fact]
    public void A_dns1123_label_has_at_most_63_characters()
    {
        Assert.True(KubernetesNameRules.IsDns1123Label(new string('a', 63)));
        Assert.False(KubernetesNameRules.IsDns1123Label(new string('a', 64)));
    }

    [Theory]
    [InlineData("a.b.c", true)]
    [InlineData("a-1.b", true)]
    [InlineData("a..b", false)]
    [InlineData(".a", false)]
    [InlineData("a.", false)]
    [InlineData("a.b\n", false)]
    public void Dns1123_subdomains(string name, bool valid) => Assert.Equal(valid, KubernetesNameRules.IsDns1123Subdomain(name));

    [Theory]
    [InlineData("", true)]
    [InlineData("a", true)]
    [InlineData("Load_Data", true)]
    [InlineData("1.2-x", true)]
    [InlineData("_a", false)]
    [InlineData("a.", false)]
    [InlineData("a b", false)]
    [InlineData("a\n", false)]
    [InlineData("Größe", false)]
    public void Label_values(string value, bool valid) => Assert.Equal(valid, KubernetesNameRules.IsLabelValue(value));

    [Theory]
    [InlineData("identifier", true)]
    [InlineData("flows_task", true)]
    [InlineData("", false)]
    [InlineData("a/b", false)]
    [InlineData("name\n", false)]
    public void Label_names(string name, bool valid) => Assert.Equal(valid, KubernetesNameRules.IsLabelName(name));

    [Fact]
    public void Label_values_and_names_have_at_most_63_characters()
    {
        Assert.True(KubernetesNameRules.IsLabelValue(new string('A', 63)));
        Assert.False(KubernetesNameRules.IsLabelValue(new string('A', 64)));
        Assert.False(KubernetesNameRules.IsLabelName(new string('A', 64)));
    }
}
