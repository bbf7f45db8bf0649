using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Kubernetes;

/// <summary>The body of a streaming response (a watch or a followed log), with the response it belongs to.</summary>
internal sealed class ApiStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource _lifetime;

    public ApiStream(HttpResponseMessage response, Stream body, CancellationTokenSource lifetime)
    {
        _response = response;
        Body = body;
        _lifetime = lifetime;
    }

    public Stream Body { get; }

    public async ValueTask DisposeAsync()
    {
        _lifetime.Cancel();
        await Body.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
        _lifetime.Dispose();
    }
}
