using System;
using System.Globalization;
using System.IO;

namespace Flows.Docker;

/// <summary>The Docker daemon did not answer: the message names the URL and the usual causes.</summary>
public sealed class DockerDaemonUnreachableException : Exception
{
    public DockerDaemonUnreachableException(DockerEndpoint endpoint, TimeSpan waited, Exception? cause)
        : base(Describe(endpoint, waited, cause), cause)
    {
        Endpoint = endpoint;
        Waited = waited;
    }

    public DockerEndpoint Endpoint { get; }

    /// <summary>How long the daemon was waited for (zero when it was tried once).</summary>
    public TimeSpan Waited { get; }

    private static string Describe(DockerEndpoint endpoint, TimeSpan waited, Exception? cause)
    {
        var reason = endpoint.IsUnixSocket && !File.Exists(endpoint.Url.AbsolutePath)
            ? $"the socket {endpoint.Url.AbsolutePath} does not exist"
            : cause is null ? "no answer" : TransportFailure.Reason(cause);
        var after = waited > TimeSpan.Zero
            ? string.Create(CultureInfo.InvariantCulture, $" after waiting {waited.TotalSeconds:0.#} s")
            : "";
        var causes = endpoint.IsUnixSocket
            ? $"""
               - no Docker daemon is running on this machine (scripts/setup-docker.sh starts one), or it listens on another socket;
               - the socket {endpoint.Url.AbsolutePath} exists but this user may not open it (root, or the docker group);
               - the daemon is still starting: connect with WaitForDaemon to wait for it.
               """
            : $"""
               - no daemon listens on {endpoint.Url.Authority}: in a Kubernetes job, the pod has no dind sidecar (see the seed 000 job_spec.yaml); locally, dockerd was not started with -H tcp://{endpoint.Url.Authority};
               - the sidecar is not ready yet: dockerd takes seconds to start, so connect with WaitForDaemon (for example 60 s) to wait for it;
               - DOCKER_HOST points somewhere else, or the daemon wants TLS on 2376 (DOCKER_TLS_VERIFY and DOCKER_CERT_PATH) while this client talks plain HTTP, or the other way round.
               """;
        return $"Cannot reach the Docker daemon at {endpoint} (from {endpoint.Source}){after}: {reason}.\nUsual causes:\n{causes}";
    }
}
