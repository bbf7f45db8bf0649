using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Docker;

/// <summary>
/// Fails a request to the engine that gets no response headers within the limit with <see cref="DockerRequestTimeoutException"/>.
/// Only the wait for the headers is limited: a streamed answer (a followed log, an image pull's progress, the wait for a
/// container to stop, whose headers the engine sends at once) may then take as long as it takes. A request body (a build
/// context) restarts the wait with each piece sent.
/// </summary>
internal sealed class RequestLimitHandler(HttpMessageHandler inner, DockerEndpoint endpoint, TimeSpan limit) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (limit == Timeout.InfiniteTimeSpan)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        var allowed = limit + DockerOperation.WaitsFirst(request);
        using var headers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        headers.CancelAfter(allowed);
        if (request.Content is { } body)
        {
            // Counted from the last piece of the body sent: an upload that keeps moving is not cut off.
            request.Content = new UploadProgressContent(body, () => RestartUnlessFired(headers, allowed));
        }
        try
        {
            return await base.SendAsync(request, headers.Token).ConfigureAwait(false);
        }
        // The transport may report its cancellation as an I/O error (a socket closed under it): what counts is that the limit passed.
        catch (Exception) when (headers.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new DockerRequestTimeoutException(endpoint, DockerOperation.Name(request), allowed);
        }
    }

    private static void RestartUnlessFired(CancellationTokenSource headers, TimeSpan allowed)
    {
        try
        {
            if (!headers.IsCancellationRequested)
            {
                headers.CancelAfter(allowed);
            }
        }
        catch (ObjectDisposedException)
        {
            // The answer began and the request's limit is gone; a late write of the body has nothing to restart.
        }
    }
}
