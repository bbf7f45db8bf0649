using System;
using System.Globalization;

namespace Flows.Docker;

/// <summary>
/// The Docker engine took a request and sent no answer within <see cref="DockerConnectionOptions.RequestTimeout"/>: it is
/// reachable (it took the connection, often it answered the ping) but stuck or overloaded. The message is one line naming
/// the engine, the operation and the limit.
/// </summary>
public sealed class DockerRequestTimeoutException : TimeoutException
{
    public DockerRequestTimeoutException(DockerEndpoint endpoint, string operation, TimeSpan limit)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"The Docker engine at {endpoint} did not answer '{operation}' within {limit.TotalSeconds:0.#} s; it took the request but sent nothing back, " +
            $"so it is stuck or overloaded: check it ('docker info', the daemon's log), or allow it longer with DockerConnectionOptions.RequestTimeout."))
    {
        Endpoint = endpoint;
        Operation = operation;
        Limit = limit;
    }

    public DockerEndpoint Endpoint { get; }

    /// <summary>What was asked, e.g. "create container".</summary>
    public string Operation { get; }

    /// <summary>How long the answer was waited for.</summary>
    public TimeSpan Limit { get; }
}
