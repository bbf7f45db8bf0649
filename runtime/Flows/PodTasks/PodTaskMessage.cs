using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Flows;

/// <summary>
/// What a pod task's primary container writes to its termination message, and reads back:
/// <c>{"result":...}</c> (no member for a task without a result), <c>{"skipped":"reason"}</c> or
/// <c>{"error":"message","type":"Exception type"}</c>.
/// </summary>
public static class PodTaskMessage
{
    /// <summary>The kubelet keeps at most this many bytes of a container's termination message.</summary>
    public const int MaxBytes = 4096;

    public static string Success(string? resultJson) => resultJson is null ? "{}" : "{\"result\":" + resultJson + "}";

    public static string Skipped(string reason) => Write(writer => writer.WriteString("skipped", reason));

    public static string Error(Exception error) => Write(writer =>
    {
        writer.WriteString("error", error.Message);
        writer.WriteString("type", error.GetType().FullName);
    });

    /// <summary>The error written when the result is too large: what happened and what to do.</summary>
    public static string TooLarge(string taskName, int bytes) =>
        $"The result of task '{taskName}' is {bytes} bytes as JSON, and a pod task's result comes back through the container's termination message, " +
        $"which holds at most {MaxBytes} bytes. Return something smaller: a summary, or where the data was stored (a path on a shared volume, an object-store key).";

    public static int ByteCount(string message) => Encoding.UTF8.GetByteCount(message);

    /// <summary>What the termination message says; throws <see cref="PodTaskException"/> when it cannot be read.</summary>
    public static PodTaskMessageContent Read(string taskName, string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            throw new PodTaskException($"Task '{taskName}' ended without a result: its primary container wrote no termination message.");
        }
        try
        {
            using var document = JsonDocument.Parse(message);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("not an object");
            }
            if (root.TryGetProperty("error", out var error))
            {
                var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
                return new PodTaskMessageContent(null, null, error.GetString() ?? "", type);
            }
            if (root.TryGetProperty("skipped", out var skipped))
            {
                return new PodTaskMessageContent(null, skipped.GetString() ?? "", null, null);
            }
            return new PodTaskMessageContent(root.TryGetProperty("result", out var result) ? result.GetRawText() : null, null, null, null);
        }
        catch (JsonException)
        {
            var bytes = ByteCount(message);
            if (bytes >= MaxBytes)
            {
                throw new PodTaskException(TooLarge(taskName, bytes) + " (The message was cut at the limit.)");
            }
            throw new PodTaskException($"Task '{taskName}' wrote a termination message that is not a Flows result: {Shorten(message)}");
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text.Substring(0, 200) + "...";

    private static string Write(Action<Utf8JsonWriter> members)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

/// <summary>One of: a result (JSON, or null for none), a skip reason, or an error.</summary>
public sealed record PodTaskMessageContent(string? ResultJson, string? SkipReason, string? Error, string? ErrorType);
