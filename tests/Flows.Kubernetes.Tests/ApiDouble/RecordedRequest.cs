using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Flows.Kubernetes.Tests.ApiDouble;

/// <summary>A request the double received, for assertions.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, string Body, long Timestamp)
{
    public bool IsWatch => Query.TryGetValue("watch", out var watch) && watch is "true" or "1";

    public bool IsLog => Path.EndsWith("/log", StringComparison.Ordinal);

    /// <summary>A watch of a collection, e.g. <c>"pods"</c> or <c>"jobs"</c>.</summary>
    public bool IsWatchOf(string resource) => IsWatch && Path.EndsWith("/" + resource, StringComparison.Ordinal);

    /// <summary>A plain GET (no watch) of a collection, e.g. <c>"pods"</c> or <c>"jobs"</c>.</summary>
    public bool IsListOf(string resource) => Method == "GET" && !IsWatch && Path.EndsWith("/" + resource, StringComparison.Ordinal);

    public string? this[string queryKey] => Query.TryGetValue(queryKey, out var value) ? value : null;

    public TimeSpan Since(RecordedRequest earlier) => Stopwatch.GetElapsedTime(earlier.Timestamp, Timestamp);

    public override string ToString() => $"{Method} {Path}?{string.Join("&", System.Linq.Enumerable.Select(Query, q => q.Key + "=" + q.Value))}";
}
