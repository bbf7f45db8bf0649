using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Kubernetes.Tests.ApiDouble;

/// <summary>A small HTTP/1.1 server on 127.0.0.1 (an ephemeral port): one request per connection.</summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<HttpExchange, Task> _handle;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public LoopbackHttpServer(Func<HttpExchange, Task> handle)
    {
        _handle = handle;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    public Uri BaseUri { get; }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        client.NoDelay = true;
        HttpExchange? exchange = null;
        try
        {
            exchange = await HttpExchange.ReadAsync(client, _stop.Token);
            if (exchange is null)
            {
                client.Close();
                return;
            }
            await _handle(exchange);
        }
        catch (Exception)
        {
            exchange?.Abort();
        }
        finally
        {
            if (exchange is not null)
            {
                await exchange.FinishAsync();
            }
            else
            {
                client.Close();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
    }
}
