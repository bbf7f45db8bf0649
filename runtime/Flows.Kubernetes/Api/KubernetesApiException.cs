using System;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flows.Kubernetes;

/// <summary>The Kubernetes API answered with an error status (its <c>Status</c> object's reason and message, when it sent one).</summary>
internal sealed class KubernetesApiException : Exception
{
    public KubernetesApiException(int statusCode, string? reason, string message, int attempts)
        : base(message)
    {
        StatusCode = statusCode;
        Reason = reason;
        Attempts = attempts;
    }

    public int StatusCode { get; }

    /// <summary>The Status reason, e.g. <c>AlreadyExists</c>, <c>NotFound</c>, <c>Expired</c>.</summary>
    public string? Reason { get; }

    /// <summary>How many times the request was sent (more than 1 when it was retried).</summary>
    public int Attempts { get; }

    public static KubernetesApiException FromResponse(HttpStatusCode statusCode, string body, string method, string path, int attempts)
    {
        var code = (int)statusCode;
        string? reason = null;
        string? message = null;
        try
        {
            if (JsonNode.Parse(body) is JsonObject status && JsonFields.String(status, "kind") == "Status")
            {
                reason = JsonFields.String(status, "reason");
                message = JsonFields.String(status, "message");
            }
        }
        catch (JsonException)
        {
        }
        if (string.IsNullOrWhiteSpace(message))
        {
            message = body.Length > 300 ? body.Substring(0, 300) + "..." : body;
        }
        return FromStatus(code, reason, $"{method} {Redact(path)}: {code} {reason ?? statusCode.ToString()}: {message}".TrimEnd(' ', ':'), attempts);
    }

    public static KubernetesApiException FromStatus(int code, string? reason, string message, int attempts) =>
        new(code, reason, message, attempts);

    private static string Redact(string path)
    {
        var query = path.IndexOf('?');
        return query < 0 ? path : path.Substring(0, query);
    }
}
