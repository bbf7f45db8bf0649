using System;
using System.Globalization;
using System.Net.Http;
using System.Text.RegularExpressions;

namespace Flows.Docker;

/// <summary>What a request to the Docker engine asks, in words for messages ("create container"), and how long its answer may take.</summary>
internal static class DockerOperation
{
    private static readonly Regex VersionPrefix = new(@"^/v\d+(\.\d+)?(?=/)", RegexOptions.CultureInvariant);

    private static readonly (string Method, Regex Path, string Name)[] Known =
    [
        ("GET", Path("/_ping"), "ping"),
        ("HEAD", Path("/_ping"), "ping"),
        ("GET", Path("/version"), "version"),
        ("GET", Path("/info"), "info"),
        ("POST", Path("/containers/create"), "create container"),
        ("GET", Path("/containers/json"), "list containers"),
        ("GET", Path("/containers/[^/]+/json"), "inspect container"),
        ("POST", Path("/containers/[^/]+/start"), "start container"),
        ("POST", Path("/containers/[^/]+/stop"), "stop container"),
        ("POST", Path("/containers/[^/]+/kill"), "kill container"),
        ("POST", Path("/containers/[^/]+/wait"), "wait for container"),
        ("GET", Path("/containers/[^/]+/logs"), "read container logs"),
        ("DELETE", Path("/containers/[^/]+"), "remove container"),
        ("GET", Path("/containers/[^/]+/archive"), "copy from container"),
        ("PUT", Path("/containers/[^/]+/archive"), "copy into container"),
        ("POST", Path("/images/create"), "pull image"),
        ("POST", Path("/build"), "build image"),
        ("GET", Path("/images/.+/json"), "inspect image"),
        ("POST", Path("/images/.+/push"), "push image"),
        ("POST", Path("/images/.+/tag"), "tag image"),
        ("DELETE", Path("/images/.+"), "remove image"),
        ("POST", Path("/volumes/create"), "create volume"),
        ("DELETE", Path("/volumes/.+"), "remove volume"),
        ("POST", Path("/networks/create"), "create network"),
        ("DELETE", Path("/networks/.+"), "remove network"),
    ];

    public static string Name(HttpRequestMessage request)
    {
        var path = VersionPrefix.Replace(request.RequestUri?.AbsolutePath ?? "", "");
        foreach (var (method, pattern, name) in Known)
        {
            if (request.Method.Method == method && pattern.IsMatch(path))
            {
                return name;
            }
        }
        return request.Method.Method + " " + path;
    }

    /// <summary>The time the engine may take before it answers, on top of the limit: a stop waits its grace period (<c>t</c>) first.</summary>
    public static TimeSpan WaitsFirst(HttpRequestMessage request)
    {
        if (Name(request) != "stop container" || request.RequestUri?.Query is not { Length: > 1 } query)
        {
            return TimeSpan.Zero;
        }
        foreach (var pair in query[1..].Split('&'))
        {
            if (pair.StartsWith("t=", StringComparison.Ordinal) && int.TryParse(pair[2..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }
        }
        // No t: the engine's default grace period, 10 s.
        return TimeSpan.FromSeconds(10);
    }

    private static Regex Path(string pattern) => new("^" + pattern + "$", RegexOptions.CultureInvariant);
}
