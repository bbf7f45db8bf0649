using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Docker.Tests.Support;

/// <summary>
/// Listens on a loopback tcp port and forwards each connection to the real daemon's unix socket, like
/// a dind sidecar's port: started late it is a sidecar still coming up, disposed it is one that went
/// away, and with a certificate it is a daemon that wants TLS with a client certificate (2376).
/// </summary>
internal sealed class LoopbackForwarder : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly string _socketPath;
    private readonly TlsServer? _tls;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<IDisposable> _open = new();
    private readonly Task _accepting;

    private LoopbackForwarder(int port, string socketPath, TlsServer? tls)
    {
        _socketPath = socketPath;
        _tls = tls;
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public static LoopbackForwarder Start(int port = 0, string socketPath = TestEngine.SocketPath, TlsServer? tls = null) => new(port, socketPath, tls);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => ForwardAsync(client));
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        var daemon = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        Track(client);
        Track(daemon);
        try
        {
            Stream clientStream = client.GetStream();
            if (_tls is not null)
            {
                var ssl = new SslStream(clientStream, leaveInnerStreamOpen: false);
                Track(ssl);
                await ssl.AuthenticateAsServerAsync(_tls.Options, _stop.Token);
                clientStream = ssl;
            }
            await daemon.ConnectAsync(new UnixDomainSocketEndPoint(_socketPath), _stop.Token);
            using var daemonStream = new NetworkStream(daemon, ownsSocket: false);
            await Task.WhenAny(
                clientStream.CopyToAsync(daemonStream, _stop.Token),
                daemonStream.CopyToAsync(clientStream, _stop.Token));
        }
        catch (Exception)
        {
            // A refused handshake or a closed connection ends this one forward; the listener goes on.
        }
        finally
        {
            client.Dispose();
            daemon.Dispose();
        }
    }

    private void Track(IDisposable connection)
    {
        lock (_open)
        {
            _open.Add(connection);
        }
    }

    /// <summary>Stops listening and drops every open connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_open)
        {
            foreach (var connection in _open)
            {
                connection.Dispose();
            }
        }
        await _accepting;
        _stop.Dispose();
    }

    /// <summary>The server side of TLS: its certificate, and the authority client certificates must chain to.</summary>
    internal sealed class TlsServer(X509Certificate2 certificate, X509Certificate2 clientAuthority)
    {
        public SslServerAuthenticationOptions Options { get; } = new()
        {
            ServerCertificate = certificate,
            ClientCertificateRequired = true,
            RemoteCertificateValidationCallback = (_, presented, _, _) =>
            {
                if (presented is not X509Certificate2 client)
                {
                    return false;
                }
                using var chain = new X509Chain();
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(clientAuthority);
                return chain.Build(client);
            },
        };
    }
}
