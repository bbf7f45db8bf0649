using System.Net;
using System.Net.Sockets;

namespace Flows.Docker.Tests.Support;

internal static class FreePort
{
    /// <summary>A loopback port nothing listens on (the kernel's pick; free when this returns).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
