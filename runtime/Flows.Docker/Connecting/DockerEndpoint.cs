using System;
using System.IO;

namespace Flows.Docker;

/// <summary>
/// Which Docker daemon to talk to, and how: the URL (an explicit one, else <c>DOCKER_HOST</c>, else the
/// local socket) and, for tcp, TLS from <c>DOCKER_TLS_VERIFY</c> / <c>DOCKER_CERT_PATH</c> as the docker
/// CLI reads them.
/// </summary>
public sealed record DockerEndpoint
{
    public const string LocalSocketUrl = "unix:///var/run/docker.sock";

    /// <summary>The dind sidecar's address in the seed 000 job spec.</summary>
    public const string SidecarUrl = "tcp://localhost:2375";

    private const int PlainTcpPort = 2375;
    private const int TlsTcpPort = 2376;

    private DockerEndpoint(Uri url, string source, DockerTls? tls)
    {
        Url = url;
        Source = source;
        Tls = tls;
    }

    /// <summary><c>unix:///path</c> or <c>tcp://host:port</c>, as given (port filled in when left out).</summary>
    public Uri Url { get; }

    /// <summary>Where the URL came from, for messages: "the explicit URL", "DOCKER_HOST" or "the default local socket".</summary>
    public string Source { get; }

    /// <summary>TLS settings for a tcp daemon, or null for plain HTTP and unix sockets.</summary>
    public DockerTls? Tls { get; }

    public bool IsUnixSocket => Url.Scheme == "unix";

    /// <summary>Resolves the endpoint from <paramref name="url"/>, else this process's environment.</summary>
    public static DockerEndpoint Resolve(string? url = null) => Resolve(url, Environment.GetEnvironmentVariable);

    /// <summary>Resolves the endpoint from <paramref name="url"/>, else the given environment.</summary>
    public static DockerEndpoint Resolve(string? url, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string raw;
        string source;
        if (!string.IsNullOrWhiteSpace(url))
        {
            (raw, source) = (url.Trim(), "the explicit URL");
        }
        else if (environment("DOCKER_HOST") is { Length: > 0 } dockerHost)
        {
            (raw, source) = (dockerHost.Trim(), "DOCKER_HOST");
        }
        else
        {
            (raw, source) = (LocalSocketUrl, "the default local socket");
        }

        var parsed = Parse(raw, source);
        if (parsed.Scheme == "unix")
        {
            return new DockerEndpoint(parsed, source, null);
        }
        // The docker CLI turns TLS on for any non-empty DOCKER_TLS_VERIFY, and so do we.
        var tls = environment("DOCKER_TLS_VERIFY") is { Length: > 0 }
            ? new DockerTls(environment("DOCKER_CERT_PATH") is { Length: > 0 } certPath ? certPath : DefaultCertPath(environment))
            : null;
        if (parsed.Scheme == "https" && tls is null)
        {
            throw new ArgumentException($"Docker daemon URL '{UrlRedaction.ForDisplay(raw)}' (from {source}) asks for https, but DOCKER_TLS_VERIFY is not set: set it and DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem), or use tcp://.");
        }
        var port = parsed.IsDefaultPort || parsed.Port <= 0 ? (tls is null ? PlainTcpPort : TlsTcpPort) : parsed.Port;
        var normalized = new UriBuilder("tcp", parsed.Host, port).Uri;
        return new DockerEndpoint(normalized, source, tls);
    }

    /// <summary>The URL for messages: never with user info (<see cref="UrlRedaction"/>; the daemon takes no password in the URL).</summary>
    public override string ToString() => IsUnixSocket ? UrlRedaction.ForDisplay(Url.OriginalString) : $"tcp://{Url.Authority}";

    private static Uri Parse(string raw, string source)
    {
        if (raw.StartsWith('/'))
        {
            raw = "unix://" + raw;
        }
        if (!Uri.TryCreate(raw, UriKind.Absolute, out var uri) || uri.Scheme is not ("unix" or "tcp" or "http" or "https"))
        {
            throw new ArgumentException($"Docker daemon URL '{UrlRedaction.ForDisplay(raw)}' (from {source}) is not supported: use unix:///path/to/docker.sock or tcp://host:port (for example {LocalSocketUrl} or {SidecarUrl}).");
        }
        if (uri.Scheme == "unix" && uri.AbsolutePath.Length <= 1)
        {
            throw new ArgumentException($"Docker daemon URL '{UrlRedaction.ForDisplay(raw)}' (from {source}) names no socket path: write it as unix:///var/run/docker.sock (three slashes).");
        }
        return uri;
    }

    private static string DefaultCertPath(Func<string, string?> environment) =>
        Path.Combine(environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
}
