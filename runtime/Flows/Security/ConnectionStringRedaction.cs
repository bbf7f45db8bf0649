using System;
using System.Text.RegularExpressions;

namespace Flows;

/// <summary>
/// Connection strings as Flows prints them: the value of every <c>Password</c> (or <c>Pwd</c>) key is shown as <c>***</c>,
/// and a URL form (<c>postgres://user:pw@host/db</c>) loses its user info (<see cref="UrlRedaction"/>). Every connection
/// string Flows puts in a message, a log or a table goes through here.
/// </summary>
public static partial class ConnectionStringRedaction
{
    public const string Mask = "***";

    public static string ForDisplay(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        return connectionString.Contains("://", StringComparison.Ordinal)
            ? UrlRedaction.ForDisplay(connectionString)
            : PasswordValue().Replace(connectionString, "$1" + Mask);
    }

    // A value runs to the next ';' unless quoted; a quoted value may hold ';'.
    [GeneratedRegex(@"((?:^|;)\s*(?:password|pwd)\s*=\s*)(?:""(?:[^""]|"""")*""|'(?:[^']|'')*'|[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordValue();
}
