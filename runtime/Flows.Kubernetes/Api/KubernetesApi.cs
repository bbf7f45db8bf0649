using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using k8s;
using KubernetesClient = k8s.Kubernetes;

namespace Flows.Kubernetes;

/// <summary>
/// The Kubernetes API as raw JSON over the KubernetesClient's configured connection (its HttpClient,
/// base address, credentials and TLS settings from the kubeconfig or the in-cluster service account).
/// Objects stay <see cref="JsonObject"/>s end to end, so nothing the user wrote or the server sent is
/// dropped by typed models. Requests are retried per <see cref="ApiRetryPolicy"/>.
/// </summary>
internal sealed class KubernetesApi : IDisposable
{
    private readonly KubernetesClient _client;
    private readonly KubernetesClientConfiguration _configuration;
    private readonly KubernetesCommandSettings _settings;
    private readonly TextWriter _notes;

    public KubernetesApi(KubernetesClientConfiguration configuration, KubernetesCommandSettings settings, TextWriter notes)
    {
        _configuration = configuration;
        _settings = settings;
        _notes = notes;
        _client = new KubernetesClient(configuration);
    }

    /// <summary>The server, for messages: without user info (<see cref="UrlRedaction"/>).</summary>
    public Uri BaseUri => UrlRedaction.WithoutUserInfo(_client.BaseUri);

    /// <summary>The namespace of the kubeconfig's current context (or the service account's), if any.</summary>
    public string? ConfiguredNamespace => _configuration.Namespace;

    public Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken) =>
        SendForJsonAsync(HttpMethod.Get, path, null, cancellationToken);

    public Task<JsonObject> PostAsync(string path, JsonObject body, CancellationToken cancellationToken) =>
        SendForJsonAsync(HttpMethod.Post, path, body, cancellationToken);

    public Task<JsonObject> DeleteAsync(string path, JsonObject deleteOptions, CancellationToken cancellationToken) =>
        SendForJsonAsync(HttpMethod.Delete, path, deleteOptions, cancellationToken);

    /// <summary>A JSON merge patch (RFC 7386) of the object at <paramref name="path"/>.</summary>
    public Task<JsonObject> MergePatchAsync(string path, JsonObject patch, CancellationToken cancellationToken) =>
        SendForJsonAsync(HttpMethod.Patch, path, patch, cancellationToken, MergePatchContentType);

    private const string MergePatchContentType = "application/merge-patch+json";

    /// <summary>A GET of a text body (a log without following), read whole within the request timeout.</summary>
    public async Task<string> GetTextAsync(string path, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.RequestTimeout);
        await using var stream = await OpenStreamAsync(path, timeout.Token).ConfigureAwait(false);
        using var reader = new StreamReader(stream.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(timeout.Token).ConfigureAwait(false);
    }

    /// <summary>A GET whose body is read as it arrives (a watch or a followed log). Retried until the response headers arrive.</summary>
    public async Task<ApiStream> OpenStreamAsync(string path, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            lifetime.CancelAfter(_settings.RequestTimeout);
            HttpResponseMessage? response = null;
            TimeSpan? delay;
            try
            {
                response = await SendOnceAsync(HttpMethod.Get, path, null, HttpCompletionOption.ResponseHeadersRead, lifetime.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    // The timeout was for the headers; the body may stream for as long as the caller reads it.
                    lifetime.CancelAfter(Timeout.InfiniteTimeSpan);
                    var stream = await response.Content.ReadAsStreamAsync(lifetime.Token).ConfigureAwait(false);
                    return new ApiStream(response, stream, lifetime);
                }
                var body = await response.Content.ReadAsStringAsync(lifetime.Token).ConfigureAwait(false);
                delay = _settings.Retry.DelayAfterStatus(response, attempt);
                if (delay is null)
                {
                    throw KubernetesApiException.FromResponse(response.StatusCode, body, "GET", path, attempt);
                }
                Note($"GET {PathOnly(path)} answered {(int)response.StatusCode} {response.StatusCode}", delay.Value, attempt);
            }
            catch (Exception error) when (IsConnectionError(error, cancellationToken))
            {
                delay = _settings.Retry.DelayAfterConnectionError(attempt);
                if (delay is null)
                {
                    response?.Dispose();
                    lifetime.Dispose();
                    throw;
                }
                Note($"GET {PathOnly(path)} failed ({Describe(error)})", delay.Value, attempt);
            }
            catch
            {
                response?.Dispose();
                lifetime.Dispose();
                throw;
            }
            response?.Dispose();
            lifetime.Dispose();
            await Task.Delay(delay.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<JsonObject> SendForJsonAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken, string contentType = "application/json")
    {
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? delay;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_settings.RequestTimeout);
                using var response = await SendOnceAsync(method, path, body, HttpCompletionOption.ResponseContentRead, timeout.Token, contentType).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return Parse(text, method, path);
                }
                delay = _settings.Retry.DelayAfterStatus(response, attempt);
                if (delay is null)
                {
                    throw KubernetesApiException.FromResponse(response.StatusCode, text, method.Method, path, attempt);
                }
                Note($"{method.Method} {PathOnly(path)} answered {(int)response.StatusCode} {response.StatusCode}", delay.Value, attempt);
            }
            catch (Exception error) when (IsConnectionError(error, cancellationToken))
            {
                delay = _settings.Retry.DelayAfterConnectionError(attempt);
                if (delay is null)
                {
                    throw;
                }
                Note($"{method.Method} {PathOnly(path)} failed ({Describe(error)})", delay.Value, attempt);
            }
            await Task.Delay(delay.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, string path, JsonObject? body, HttpCompletionOption completion, CancellationToken cancellationToken,
        string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, new Uri(_client.BaseUri, path));
        if (!_configuration.DisableHttp2)
        {
            // As the KubernetesClient does: HTTP/2 where the server offers it (TLS), else HTTP/1.1.
            request.Version = HttpVersion.Version20;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
        }
        request.Headers.Accept.ParseAdd("application/json");
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }
        if (!string.IsNullOrWhiteSpace(_configuration.TlsServerName))
        {
            request.Headers.Host = _configuration.TlsServerName;
        }
        if (_client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }
        return await _client.HttpClient.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
    }

    private static JsonObject Parse(string text, HttpMethod method, string path)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject
                ?? throw new InvalidDataException($"{method.Method} {PathOnly(path)}: the Kubernetes API answered with JSON that is not an object.");
        }
        catch (JsonException invalid)
        {
            throw new InvalidDataException($"{method.Method} {PathOnly(path)}: the Kubernetes API answered with invalid JSON: {invalid.Message}", invalid);
        }
    }

    /// <summary>A lost or refused connection, a broken response, or a request that timed out (not the caller's cancellation).</summary>
    public static bool IsConnectionError(Exception error, CancellationToken cancellationToken) => error switch
    {
        HttpRequestException { StatusCode: null } => true,
        IOException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    public static string Describe(Exception error) => UrlRedaction.InText(error switch
    {
        OperationCanceledException => "timed out",
        _ when error.InnerException is { } inner && error is HttpRequestException => error.Message + " " + inner.Message,
        _ => error.Message,
    });

    private void Note(string what, TimeSpan delay, int attempt) =>
        _notes.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"note: {what}; retrying in {delay.TotalSeconds:0.##} s (attempt {attempt + 1} of {_settings.Retry.MaxAttempts})."));

    private static string PathOnly(string path)
    {
        var query = path.IndexOf('?');
        return query < 0 ? path : path.Substring(0, query);
    }

    public void Dispose() => _client.Dispose();
}
