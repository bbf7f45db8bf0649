using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Docker.Tests.Support;

/// <summary>
/// A fake Docker engine on 127.0.0.1 that answers <c>/_ping</c> and <c>/version</c> as the real one does, answers the
/// requests a test scripts (<see cref="Answer"/>), and takes every other request without ever answering it: an engine
/// that is up but stuck.
/// </summary>
internal sealed class StallingDaemon : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, Func<Stream, CancellationToken, Task>> _answers = new();
    private readonly List<TcpClient> _clients = new();
    private readonly Task _accepting;

    public StallingDaemon()
    {
        _listener.Start();
        Url = $"tcp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _accepting = AcceptAsync();
    }

    public string Url { get; }

    /// <summary>The request lines received ("POST /v1.41/containers/create"), in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Answers requests whose path ends with <paramref name="pathSuffix"/> (before the query) by running <paramref name="write"/> on the connection.</summary>
    public void Answer(string pathSuffix, Func<Stream, CancellationToken, Task> write) => _answers[pathSuffix] = write;

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_clients)
                {
                    _clients.Add(client);
                }
                _ = ServeAsync(client.GetStream());
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task ServeAsync(NetworkStream stream)
    {
        try
        {
            var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
            while (await reader.ReadLineAsync(_stop.Token) is { Length: > 0 } requestLine)
            {
                var length = 0;
                while (await reader.ReadLineAsync(_stop.Token) is { Length: > 0 } header)
                {
                    if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    {
                        length = int.Parse(header["Content-Length:".Length..].Trim());
                    }
                }
                var parts = requestLine.Split(' ');
                var path = parts[1].Split('?')[0];
                Requests.Enqueue(parts[0] + " " + path);
                if (Find(path) is { } answer)
                {
                    // The answer reads the body itself, if it wants to (what the reader buffered past the headers is lost).
                    await answer(stream, _stop.Token);
                    return;
                }
                var body = new char[length];
                for (var read = 0; read < length;)
                {
                    read += await reader.ReadAsync(body.AsMemory(read), _stop.Token);
                }
                if (path.EndsWith("/_ping", StringComparison.Ordinal))
                {
                    await WriteAsync(stream, "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 2\r\n\r\nOK");
                }
                else if (path.EndsWith("/version", StringComparison.Ordinal))
                {
                    const string version = """{"Version":"20.10.24","ApiVersion":"1.41","MinAPIVersion":"1.12","Os":"linux","Arch":"amd64"}""";
                    await WriteAsync(stream, $"HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\nContent-Length: {version.Length}\r\n\r\n{version}");
                }
                else
                {
                    // Stuck: the request was taken and is never answered; the connection stays open until the test ends.
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
            // The client gave up on the connection.
        }
    }

    private Func<Stream, CancellationToken, Task>? Find(string path)
    {
        foreach (var (suffix, answer) in _answers)
        {
            if (path.EndsWith(suffix, StringComparison.Ordinal))
            {
                return answer;
            }
        }
        return null;
    }

    private async Task WriteAsync(Stream stream, string response)
    {
        await stream.WriteAsync(Ascii(response), _stop.Token);
        await stream.FlushAsync(_stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_clients)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }
        }
        _stop.Dispose();
    }
}
