using Flows.Manifests;
using Flows.Yaml;

namespace Flows.Runtime.Tests.Yaml;

/// <summary>
/// The loader reads YAML as kubectl does. Each expected value is what <c>kubectl annotate --local -f FILE z=1 -o json</c>
/// (sigs.k8s.io/yaml, go-yaml v2) printed for the same YAML, but for two numbers that kubectl's printout reads back
/// into an int64-or-float64 object first: -0 (printed 0) and 18446744073709551615 (printed 18446744073709552000);
/// the JSON that sigs.k8s.io/yaml makes, and Flows sends, has them as here. The lane's YamlAgreesWithKubectlTests asks
/// kubectl again.
/// </summary>
public sealed class BoundedYamlKubectlTests
{
    private static string Json(string yaml) => YamlJsonText.Write(BoundedYaml.Load(yaml).Documents[0].RootNode);

    [Theory]
    // Out of float64's range, ParseFloat fails and go-yaml keeps the text: a string, never Infinity.
    [InlineData("1e99999", "\"1e99999\"")]
    [InlineData("1e400", "\"1e400\"")]
    [InlineData(".5e99999", "\".5e99999\"")]
    [InlineData("-1e-99999", "-0")]
    // Past int64 and uint64 an integer is a float, written as Go's encoding/json writes floats.
    [InlineData("99999999999999999999", "100000000000000000000")]
    [InlineData("123456789012345678901234567890", "1.2345678901234568e+29")]
    [InlineData("0777777777777777777777777", "7.777777777777778e+23")]
    [InlineData("18446744073709551615", "18446744073709551615")]
    [InlineData("9223372036854775807", "9223372036854775807")]
    [InlineData("-9223372036854775808", "-9223372036854775808")]
    [InlineData("0x1FFFFFFFFFFFFFFFFF", "\"0x1FFFFFFFFFFFFFFFFF\"")]
    [InlineData("1e21", "1e+21")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("0.1e3", "100")]
    [InlineData("-0.0", "-0")]
    [InlineData("1.", "1")]
    [InlineData(".5", "0.5")]
    [InlineData("+.5", "0.5")]
    [InlineData("._5", "\"._5\"")]
    [InlineData("08", "8")]
    [InlineData("+0x10", "16")]
    [InlineData("0x_1F", "31")]
    [InlineData("-0b101", "-5")]
    [InlineData("0o17", "15")]
    [InlineData("0644", "420")]
    [InlineData("1_000", "1000")]
    [InlineData("+1", "1")]
    [InlineData("1:30", "\"1:30\"")]
    [InlineData("2001-12-14", "\"2001-12-14\"")]
    [InlineData("y", "true")]
    [InlineData("Off", "false")]
    [InlineData("~", "null")]
    [InlineData("<<", "\"<<\"")]
    [InlineData("!!str 12", "\"12\"")]
    [InlineData("\"12\"", "\"12\"")]
    public void A_plain_scalar_becomes_what_kubectl_sends(string yaml, string json) =>
        Assert.Equal("{\"v\":" + json + "}", Json("v: " + yaml + "\n"));

    [Theory]
    [InlineData(".inf")]
    [InlineData("-.Inf")]
    [InlineData(".nan")]
    public void Infinity_and_NaN_are_refused_as_kubectl_refuses_them(string yaml)
    {
        var error = Assert.Throws<YamlWithoutJsonException>(() => BoundedYaml.Load("a: 1\nv: " + yaml + "\n"));
        Assert.Equal(2, error.Start.Line);
        Assert.Equal(4, error.Start.Column);
        Assert.Contains("JSON cannot hold", error.Problem);
        Assert.Equal("{\"v\":\".inf\"}", Json("v: \".inf\"\n"));
    }

    [Theory]
    // An explicit key before << is replaced by the merged one, one after it wins; of a list, earlier mappings win.
    [InlineData("{a: \"1\", <<: {a: \"2\", b: \"3\"}}", "{\"a\":\"2\",\"b\":\"3\"}")]
    [InlineData("{<<: [{k: a1, j: a2}, {k: b1, m: b2}], j: explicit}", "{\"k\":\"a1\",\"m\":\"b2\",\"j\":\"explicit\"}")]
    [InlineData("{<<: {<<: {a: 1}, b: 2}}", "{\"a\":1,\"b\":2}")]
    [InlineData("{\"<<\": {a: 1}}", "{\"<<\":{\"a\":1}}")]
    [InlineData("{<<: []}", "{}")]
    [InlineData("{x: <<}", "{\"x\":\"<<\"}")]
    public void Merge_keys_are_applied_as_kubectl_applies_them(string yaml, string json) =>
        Assert.Equal(json, Json(yaml));

    [Fact]
    public void A_merged_anchor_is_copied_and_stays_as_it_is_where_it_is_defined()
    {
        Assert.Equal("{\"base\":{\"a\":1,\"c\":{\"d\":1}},\"spec\":{\"a\":2,\"c\":{\"d\":1},\"e\":2}}",
            Json("base: &b {a: 1, c: {d: 1}}\nspec: {<<: *b, e: 2, a: 2}\n"));
    }

    [Theory]
    [InlineData("spec: {<<: 5}", 1, 12)]
    [InlineData("spec: {<<: ~}", 1, 12)]
    [InlineData("spec:\n  <<: [{a: 1}, 3]\n", 2, 16)]
    // An alias's node is its anchor's: the error is where the text is defined.
    [InlineData("s: &s text\nspec: {<<: *s}", 1, 0)]
    public void A_merge_value_that_is_not_a_mapping_is_refused_as_kubectl_refuses_it(string yaml, int line, int column)
    {
        var error = Assert.Throws<YamlWithoutJsonException>(() => BoundedYaml.Load(yaml));
        Assert.Equal(line, error.Start.Line);
        if (column > 0)
        {
            Assert.Equal(column, error.Start.Column);
        }
        Assert.Contains("map merge requires map or sequence of maps as the value", error.Problem);
    }

    [Fact]
    public void Plain_keys_become_the_JSON_keys_kubectl_makes_of_them()
    {
        Assert.Equal("{\"true\":1,\"16\":2,\"1.5\":3,\".inf\":4,\"1e+06\":5,\"0.0001\":6,\"yes\":7}",
            Json("{yes: 1, 0x10: 2, 1.5: 3, .inf: 4, 1000000.0: 5, 0.0001: 6, \"yes\": 7}"));
    }

    [Theory]
    [InlineData("{~: 1}", "null")]
    [InlineData("{18446744073709551615: 1}", "an integer past 64 bits")]
    [InlineData("{? [a]: 1}", "is a list")]
    [InlineData("{? {a: b}: 1}", "is a mapping")]
    [InlineData("l: &l [a]\nm:\n  *l : 1\n", "makes a mapping or list a key")]
    public void Keys_kubectl_cannot_convert_are_refused(string yaml, string problem)
    {
        var error = Assert.Throws<YamlWithoutJsonException>(() => BoundedYaml.Load(yaml));
        Assert.Contains(problem, error.Problem);
    }

    [Theory]
    [InlineData("+0x10")]
    [InlineData("-017")]
    [InlineData("+0b1")]
    [InlineData("1e99999")]
    [InlineData("yes")]
    public void The_YAML_writer_quotes_every_string_kubectl_would_read_as_something_else(string value)
    {
        Assert.False(YamlScalars.ResolvesToString(value));
        var yaml = JobYaml.Write(new System.Text.Json.Nodes.JsonObject { ["v"] = value });
        Assert.Equal("{\"v\":\"" + value + "\"}", Json(yaml));
    }
}
