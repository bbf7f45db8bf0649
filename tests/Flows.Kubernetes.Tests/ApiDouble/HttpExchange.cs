using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Kubernetes.Tests.ApiDouble;

/// <summary>One HTTP/1.1 request on its own connection (the double answers <c>Connection: close</c>), and the means to answer it.</summary>
internal sealed class HttpExchange
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly CancellationTokenSource _clientGone = new();
    private bool _chunked;
    private bool _finished;

    private HttpExchange(TcpClient client, NetworkStream stream, string method, string target, Dictionary<string, string> headers, string body)
    {
        _client = client;
        _stream = stream;
        Method = method;
        Target = target;
        Headers = headers;
        Body = body;
        var query = target.IndexOf('?');
        Path = Uri.UnescapeDataString(query < 0 ? target : target.Substring(0, query));
        Query = ParseQuery(query < 0 ? "" : target.Substring(query + 1));
    }

    public string Method { get; }

    /// <summary>The request target as sent: path and query.</summary>
    public string Target { get; }

    public string Path { get; }

    public IReadOnlyDictionary<string, string> Query { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public string Body { get; }

    /// <summary>Cancelled when the client closes its end of the connection.</summary>
    public CancellationToken ClientGone => _clientGone.Token;

    public static async Task<HttpExchange?> ReadAsync(TcpClient client, CancellationToken cancellationToken)
    {
        var stream = client.GetStream();
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(buffer)) < 0)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                return null;
            }
            buffer.AddRange(chunk.AsSpan(0, read).ToArray());
        }
        var head = Encoding.ASCII.GetString(buffer.GetRange(0, headEnd).ToArray());
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines[1..])
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                headers[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
            }
        }
        var bodyBytes = buffer.GetRange(headEnd + 4, buffer.Count - headEnd - 4);
        var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
        while (bodyBytes.Count < length)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                return null;
            }
            bodyBytes.AddRange(chunk.AsSpan(0, read).ToArray());
        }
        var exchange = new HttpExchange(client, stream, requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString(bodyBytes.ToArray()));
        exchange.DetectClientGone();
        return exchange;
    }

    public Task RespondJsonAsync(int status, JsonNode body, params (string Name, string Value)[] headers) =>
        RespondAsync(status, "application/json", body.ToJsonString(), headers);

    public async Task RespondAsync(int status, string contentType, string body, params (string Name, string Value)[] headers)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {ReasonPhrase(status)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {bytes.Length}\r\n")
            .Append("Connection: close\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }
        head.Append("\r\n");
        await WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await WriteAsync(bytes);
        _finished = true;
    }

    /// <summary>Starts a streamed answer (a watch, a followed log): chunked transfer encoding.</summary>
    public async Task BeginChunkedAsync(int status, string contentType)
    {
        _chunked = true;
        await WriteAsync(Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {status} {ReasonPhrase(status)}\r\nContent-Type: {contentType}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"));
    }

    public async Task WriteChunkAsync(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length == 0)
        {
            return;
        }
        await WriteAsync(Encoding.ASCII.GetBytes(bytes.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
        await WriteAsync(bytes);
        await WriteAsync("\r\n"u8.ToArray());
    }

    /// <summary>Ends a streamed answer properly: the stream closes cleanly, as a server does when a watch times out.</summary>
    public async Task EndChunkedAsync()
    {
        if (_chunked && !_finished)
        {
            _finished = true;
            await WriteAsync("0\r\n\r\n"u8.ToArray());
        }
    }

    /// <summary>
    /// Drops the connection mid-answer (no closing chunk): the client reads what was sent, then a broken
    /// response. A FIN rather than a reset, so that the client surely receives what came before.
    /// </summary>
    public void Abort()
    {
        _finished = true;
        try
        {
            _client.Client.Shutdown(SocketShutdown.Both);
            _client.Close();
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException)
        {
        }
    }

    public async Task FinishAsync()
    {
        try
        {
            await EndChunkedAsync();
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        _client.Close();
        _clientGone.Cancel();
    }

    private async Task WriteAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    private void DetectClientGone()
    {
        _ = Task.Run(async () =>
        {
            var one = new byte[1];
            try
            {
                while (await _stream.ReadAsync(one) > 0)
                {
                }
            }
            catch (Exception)
            {
            }
            _clientGone.Cancel();
        });
    }

    private static int IndexOfHeadEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }
        return -1;
    }

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair.Substring(0, equals));
            values[key] = equals < 0 ? "" : Uri.UnescapeDataString(pair.Substring(equals + 1).Replace('+', ' '));
        }
        return values;
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        409 => "Conflict",
        410 => "Gone",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
