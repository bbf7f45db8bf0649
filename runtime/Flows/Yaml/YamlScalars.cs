using System.Text.RegularExpressions;

namespace Flows.Yaml;

/// <summary>How a plain (unquoted) YAML scalar is read, under the YAML 1.1 rules Kubernetes' parser also accepts.</summary>
public static partial class YamlScalars
{
    /// <summary>
    /// True when the plain scalar <paramref name="value"/> reads back as that string: by kubectl's rules
    /// (<see cref="YamlScalarResolver"/>, which reads <c>+0x10</c> and <c>-017</c> as numbers), and by the
    /// wider YAML 1.1 patterns other readers use (base 60, <c>.inf</c>), so that no reader takes it for something else.
    /// </summary>
    public static bool ResolvesToString(string value) =>
        value.Length > 0 && !NullBoolOrNumber().IsMatch(value) && YamlScalarResolver.KindOfPlain(value) == YamlScalarKind.String;

    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?(0|[1-9][0-9_]*)|0o?[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)$")]
    private static partial Regex NullBoolOrNumber();
}
