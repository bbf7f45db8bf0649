using System.Text.Json.Nodes;

namespace Flows.Kubernetes;

/// <summary>When a Kubernetes event last happened, as its RFC 3339 text (sortable): lastTimestamp, eventTime, firstTimestamp or creation.</summary>
internal static class EventTimes
{
    public static string Of(JsonObject item) =>
        JsonFields.String(item, "lastTimestamp")
        ?? JsonFields.String(item, "eventTime")
        ?? JsonFields.String(item, "firstTimestamp")
        ?? JsonFields.String(item, "metadata", "creationTimestamp")
        ?? "";
}
