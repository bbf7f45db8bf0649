using System;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Flows.Kubernetes;

/// <summary>When a Kubernetes event last happened: lastTimestamp, eventTime (events.k8s.io style), firstTimestamp or its creation.</summary>
internal static class EventTimes
{
    /// <summary>The time as the API wrote it, for display.</summary>
    public static string Of(JsonObject item) =>
        JsonFields.String(item, "lastTimestamp")
        ?? JsonFields.String(item, "eventTime")
        ?? JsonFields.String(item, "firstTimestamp")
        ?? JsonFields.String(item, "metadata", "creationTimestamp")
        ?? "";

    /// <summary>The time for ordering (the API mixes second and microsecond precision).</summary>
    public static DateTimeOffset SortKey(JsonObject item) =>
        DateTimeOffset.TryParse(Of(item), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : DateTimeOffset.MinValue;
}
