using System;
using System.Text.RegularExpressions;

namespace Flows;

/// <summary>
/// URLs as Flows prints them: without user info (<c>https://admin:pw@host:6443</c> is printed <c>https://host:6443</c>).
/// A kubeconfig server or a <c>DOCKER_HOST</c> may carry a password there, and messages end up in terminals, CI logs
/// and evidence. Every URL Flows puts in a message, a log or a file goes through here.
/// </summary>
public static partial class UrlRedaction
{
    /// <summary><paramref name="url"/> without its user info (unchanged when it has none).</summary>
    public static Uri WithoutUserInfo(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.UserInfo.Length == 0)
        {
            return url;
        }
        return new UriBuilder(url) { UserName = "", Password = "" }.Uri;
    }

    /// <summary>
    /// A URL as written (it need not parse: this is for the message that says it does not) without its user info: what
    /// lies between the scheme's <c>//</c> (or the start) and the last <c>@</c> before the first <c>/</c>, <c>?</c> or <c>#</c>.
    /// </summary>
    public static string ForDisplay(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var start = scheme < 0 ? 0 : scheme + 3;
        var end = url.IndexOfAny(['/', '?', '#'], start);
        var authority = end < 0 ? url[start..] : url[start..end];
        var at = authority.LastIndexOf('@');
        return at < 0 ? url : url[..start] + url[(start + at + 1)..];
    }

    public static string ForDisplay(Uri url) => ForDisplay(url.IsAbsoluteUri ? WithoutUserInfo(url).AbsoluteUri : url.OriginalString);

    /// <summary>Free text (an exception's message) with the user info of every <c>scheme://user:pass@</c> in it removed.</summary>
    public static string InText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains('@', StringComparison.Ordinal) ? UserInfoInText().Replace(text, "$1") : text;
    }

    [GeneratedRegex(@"([A-Za-z][A-Za-z0-9+.\-]*://)[^\s/?#@'""`<>]*@")]
    private static partial Regex UserInfoInText();
}
