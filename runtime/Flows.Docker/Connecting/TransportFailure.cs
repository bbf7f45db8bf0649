using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Flows.Docker;

/// <summary>Tells a failure to reach the daemon (socket, HTTP, TLS) from an answer the daemon gave.</summary>
internal static class TransportFailure
{
    public static bool Is(Exception failure)
    {
        for (var current = failure; current is not null; current = current.InnerException)
        {
            if (current is SocketException or HttpRequestException or AuthenticationException or IOException)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The innermost socket or I/O message ("Connection refused", "No such file or directory").</summary>
    public static string Reason(Exception failure)
    {
        var reason = failure.Message;
        for (var current = failure; current is not null; current = current.InnerException)
        {
            if (current is SocketException or IOException or AuthenticationException or TimeoutException)
            {
                reason = current.Message;
            }
        }
        return UrlRedaction.InText(reason).TrimEnd('.');
    }
}
