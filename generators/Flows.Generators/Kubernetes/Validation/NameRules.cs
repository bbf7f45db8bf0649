using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Flows.Generators.Kubernetes.Validation;

/// <summary>
/// Kubernetes' k8s.io/apimachinery/pkg/util/validation (1.20), ported function by function with its messages: each
/// returns the problems with a value, empty when it is valid. Lengths are in UTF-8 bytes, as Go's len() counts, and
/// every pattern is anchored with \z, as Go's $ (which does not match before a final newline).
/// </summary>
internal static class NameRules
{
    private const string QualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string QualifiedNameMessage = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string LabelValueFormat = "(" + QualifiedNameFormat + ")?";
    private const string LabelValueMessage = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string Dns1123LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1123LabelMessage = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
    private const string Dns1123SubdomainFormat = Dns1123LabelFormat + "(\\." + Dns1123LabelFormat + ")*";
    private const string Dns1123SubdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    private const string Dns1035LabelFormat = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1035LabelMessage = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
    private const string CIdentifierFormat = "[A-Za-z_][A-Za-z0-9_]*";
    private const string EnvVarNameFormat = "[-._a-zA-Z][-._a-zA-Z0-9]*";
    private const string ConfigMapKeyFormat = "[-._a-zA-Z0-9]+";
    private const string HttpHeaderNameFormat = "[-A-Za-z0-9]+";
    private const string PercentFormat = "[0-9]+%";

    public const int LabelValueMaxLength = 63;
    public const int Dns1123LabelMaxLength = 63;
    public const int Dns1123SubdomainMaxLength = 253;
    public const int Dns1035LabelMaxLength = 63;

    private static readonly Regex QualifiedName = Anchored(QualifiedNameFormat);
    private static readonly Regex LabelValue = Anchored(LabelValueFormat);
    private static readonly Regex Dns1123Label = Anchored(Dns1123LabelFormat);
    private static readonly Regex Dns1123Subdomain = Anchored(Dns1123SubdomainFormat);
    private static readonly Regex Dns1035Label = Anchored(Dns1035LabelFormat);
    private static readonly Regex WildcardDns1123Subdomain = Anchored("\\*\\." + Dns1123SubdomainFormat);
    private static readonly Regex CIdentifier = Anchored(CIdentifierFormat);
    private static readonly Regex EnvVarName = Anchored(EnvVarNameFormat);
    private static readonly Regex ConfigMapKey = Anchored(ConfigMapKeyFormat);
    private static readonly Regex HttpHeaderName = Anchored(HttpHeaderNameFormat);
    private static readonly Regex Percent = Anchored(PercentFormat);
    private static readonly Regex PortNameCharset = Anchored("[-a-z0-9]+");

    private static Regex Anchored(string format) => new("^(?:" + format + ")\\z", RegexOptions.CultureInvariant);

    /// <summary>Go's len(): the UTF-8 byte count.</summary>
    public static int Length(string value) => Encoding.UTF8.GetByteCount(value);

    public static List<string> IsQualifiedName(string value)
    {
        var errors = new List<string>();
        var parts = value.Split('/');
        string name;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                var prefix = parts[0];
                name = parts[1];
                if (prefix.Length == 0)
                {
                    errors.Add("prefix part " + EmptyError());
                }
                else
                {
                    foreach (var message in IsDns1123Subdomain(prefix))
                    {
                        errors.Add("prefix part " + message);
                    }
                }
                break;
            default:
                errors.Add("a qualified name " + RegexError(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
                return errors;
        }
        if (name.Length == 0)
        {
            errors.Add("name part " + EmptyError());
        }
        else if (Length(name) > 63)
        {
            errors.Add("name part " + MaxLenError(63));
        }
        if (!QualifiedName.IsMatch(name))
        {
            errors.Add("name part " + RegexError(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc"));
        }
        return errors;
    }

    public static List<string> IsValidLabelValue(string value)
    {
        var errors = new List<string>();
        if (Length(value) > LabelValueMaxLength)
        {
            errors.Add(MaxLenError(LabelValueMaxLength));
        }
        if (!LabelValue.IsMatch(value))
        {
            errors.Add(RegexError(LabelValueMessage, LabelValueFormat, "MyValue", "my_value", "12345"));
        }
        return errors;
    }

    public static List<string> IsDns1123Label(string value)
    {
        var errors = new List<string>();
        if (Length(value) > Dns1123LabelMaxLength)
        {
            errors.Add(MaxLenError(Dns1123LabelMaxLength));
        }
        if (!Dns1123Label.IsMatch(value))
        {
            errors.Add(RegexError(Dns1123LabelMessage, Dns1123LabelFormat, "my-name", "123-abc"));
        }
        return errors;
    }

    public static List<string> IsDns1123Subdomain(string value)
    {
        var errors = new List<string>();
        if (Length(value) > Dns1123SubdomainMaxLength)
        {
            errors.Add(MaxLenError(Dns1123SubdomainMaxLength));
        }
        if (!Dns1123Subdomain.IsMatch(value))
        {
            errors.Add(RegexError(Dns1123SubdomainMessage, Dns1123SubdomainFormat, "example.com"));
        }
        return errors;
    }

    public static List<string> IsDns1035Label(string value)
    {
        var errors = new List<string>();
        if (Length(value) > Dns1035LabelMaxLength)
        {
            errors.Add(MaxLenError(Dns1035LabelMaxLength));
        }
        if (!Dns1035Label.IsMatch(value))
        {
            errors.Add(RegexError(Dns1035LabelMessage, Dns1035LabelFormat, "my-name", "abc-123"));
        }
        return errors;
    }

    public static List<string> IsWildcardDns1123Subdomain(string value)
    {
        var errors = new List<string>();
        if (Length(value) > Dns1123SubdomainMaxLength)
        {
            errors.Add(MaxLenError(Dns1123SubdomainMaxLength));
        }
        if (!WildcardDns1123Subdomain.IsMatch(value))
        {
            errors.Add(RegexError("a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character", "\\*\\." + Dns1123SubdomainFormat, "*.example.com"));
        }
        return errors;
    }

    public static List<string> IsCIdentifier(string value) =>
        CIdentifier.IsMatch(value) ? new List<string>()
        : new List<string> { RegexError("a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_'", CIdentifierFormat, "my_name", "MY_NAME", "MyName") };

    public static List<string> IsValidPortNum(long port) =>
        port is >= 1 and <= 65535 ? new List<string>() : new List<string> { InclusiveRangeError(1, 65535) };

    public static List<string> IsInRange(long value, long min, long max) =>
        value >= min && value <= max ? new List<string>() : new List<string> { InclusiveRangeError(min, max) };

    public static List<string> IsValidGroupId(long gid) => IsInRange(gid, 0, int.MaxValue);

    public static List<string> IsValidUserId(long uid) => IsInRange(uid, 0, int.MaxValue);

    public static List<string> IsValidPortName(string port)
    {
        var errors = new List<string>();
        if (Length(port) > 15)
        {
            errors.Add(MaxLenError(15));
        }
        if (!PortNameCharset.IsMatch(port))
        {
            errors.Add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        if (!Regex.IsMatch(port, "[a-z]"))
        {
            errors.Add("must contain at least one letter or number (a-z, 0-9)");
        }
        if (port.Contains("--"))
        {
            errors.Add("must not contain consecutive hyphens");
        }
        if (port.Length > 0 && (port[0] == '-' || port[port.Length - 1] == '-'))
        {
            errors.Add("must not begin or end with a hyphen");
        }
        return errors;
    }

    public static List<string> IsValidIP(string value) =>
        ParseIP(value) is not null ? new List<string>() : new List<string> { "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)" };

    /// <summary>Go's net.ParseIP (Go 1.17 and later, which refuse leading zeros in IPv4): dotted IPv4, or IPv6 without zone or brackets.</summary>
    public static IPAddress? ParseIP(string value)
    {
        if (value.IndexOf(':') < 0)
        {
            var parts = value.Split('.');
            if (parts.Length != 4)
            {
                return null;
            }
            foreach (var part in parts)
            {
                if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || !int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var octet) || octet > 255)
                {
                    return null;
                }
            }
            return IPAddress.Parse(value);
        }
        if (value.IndexOf('%') >= 0 || value.IndexOf('[') >= 0 || value.IndexOf('/') >= 0)
        {
            return null;
        }
        return IPAddress.TryParse(value, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? address : null;
    }

    public static List<string> IsValidPercent(string percent) =>
        Percent.IsMatch(percent) ? new List<string>() : new List<string> { RegexError("a valid percent string must be a numeric string followed by an ending '%'", PercentFormat, "1%", "93%") };

    public static List<string> IsHttpHeaderName(string value) =>
        HttpHeaderName.IsMatch(value) ? new List<string>() : new List<string> { RegexError("a valid HTTP header must consist of alphanumeric characters or '-'", HttpHeaderNameFormat, "X-Header-Name") };

    public static List<string> IsEnvVarName(string value)
    {
        var errors = new List<string>();
        if (!EnvVarName.IsMatch(value))
        {
            errors.Add(RegexError("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit", EnvVarNameFormat, "my.env-name", "MY_ENV.NAME", "MyEnvName1"));
        }
        errors.AddRange(HasChDirPrefix(value));
        return errors;
    }

    public static List<string> IsConfigMapKey(string value)
    {
        var errors = new List<string>();
        if (Length(value) > Dns1123SubdomainMaxLength)
        {
            errors.Add(MaxLenError(Dns1123SubdomainMaxLength));
        }
        if (!ConfigMapKey.IsMatch(value))
        {
            errors.Add(RegexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", ConfigMapKeyFormat, "key.name", "KEY_NAME", "key-name"));
        }
        errors.AddRange(HasChDirPrefix(value));
        return errors;
    }

    public static string MaxLenError(int length) => $"must be no more than {length} characters";

    public static string EmptyError() => "must be non-empty";

    public static string InclusiveRangeError(long low, long high) => $"must be between {low} and {high}, inclusive";

    public static string RegexError(string message, string format, params string[] examples)
    {
        if (examples.Length == 0)
        {
            return message + " (regex used for validation is '" + format + "')";
        }
        var text = new StringBuilder(message).Append(" (e.g. ");
        for (var i = 0; i < examples.Length; i++)
        {
            if (i > 0)
            {
                text.Append(" or ");
            }
            text.Append('\'').Append(examples[i]).Append("', ");
        }
        return text.Append("regex used for validation is '").Append(format).Append("')").ToString();
    }

    private static IEnumerable<string> HasChDirPrefix(string value)
    {
        if (value == ".")
        {
            yield return "must not be '.'";
        }
        else if (value == "..")
        {
            yield return "must not be '..'";
        }
        else if (value.StartsWith("..", StringComparison.Ordinal))
        {
            yield return "must not start with '..'";
        }
    }
}
