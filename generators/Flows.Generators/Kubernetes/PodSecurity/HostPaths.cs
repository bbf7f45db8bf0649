using System;
using System.Collections.Generic;

namespace Flows.Generators.Kubernetes.PodSecurity;

/// <summary>A hostPath as the node resolves it, to say what it exposes: <c>//var/run/../run/docker.sock/</c> is <c>/run/docker.sock</c>.</summary>
internal static class HostPaths
{
    /// <summary>Where Docker's socket is on a node (on most distributions /var/run is a link to /run).</summary>
    public static readonly string[] DockerSockets = { "/var/run/docker.sock", "/run/docker.sock" };

    /// <summary>
    /// Go's path.Clean of an absolute path: repeated slashes become one, <c>.</c> is dropped, <c>..</c> removes the
    /// element before it (and stays at the root), and a trailing slash goes. A relative path is read from the root.
    /// </summary>
    public static string Normalise(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                continue;
            }
            parts.Add(part);
        }
        return "/" + string.Join("/", parts);
    }

    /// <summary>A folder that contains the Docker socket (<c>/</c>, <c>/var</c>, <c>/var/run</c>, <c>/run</c>).</summary>
    public static bool HoldsDockerSocket(string normalised) =>
        Array.Exists(DockerSockets, socket => normalised == "/" || socket.StartsWith(normalised + "/", StringComparison.Ordinal));
}
