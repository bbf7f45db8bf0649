using System;
using System.Net.Http;
using Docker.DotNet.Handler.Abstractions;

namespace Flows.Docker;

/// <summary>
/// Puts <see cref="RequestLimitHandler"/> in front of the client's transport: Docker.DotNet lets an auth provider wrap the
/// handler it built, so the TLS (or no) credentials configure the transport first and the limit wraps what they return.
/// </summary>
internal sealed class RequestLimitAuthProvider(IAuthProvider credentials, DockerEndpoint endpoint, TimeSpan limit) : IAuthProvider
{
    public bool TlsEnabled => credentials.TlsEnabled;

    public HttpMessageHandler ConfigureHandler(HttpMessageHandler handler) =>
        new RequestLimitHandler(credentials.ConfigureHandler(handler), endpoint, limit);
}
