using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Kubernetes.Tests.ApiDouble;

internal sealed partial class KubernetesApiDouble
{
    /// <summary>
    /// <c>?watch=true</c>: newline-delimited JSON events, chunked, from after <c>resourceVersion</c>, until
    /// <c>timeoutSeconds</c>; an ERROR event with Status 410 (Expired) when that resourceVersion was compacted.
    /// </summary>
    private async Task ServeWatchAsync(HttpExchange exchange, string resource, string ns, Func<JsonObject, bool> matches)
    {
        var fault = Faults.TakeWatchFault(resource);
        if (fault?.Kind == WatchFaultKind.Expire)
        {
            Store.Compact();
        }
        var versionText = exchange.Query.GetValueOrDefault("resourceVersion");
        var sendCurrent = string.IsNullOrEmpty(versionText) || versionText == "0";
        var from = sendCurrent ? Store.Version : long.Parse(versionText!, CultureInfo.InvariantCulture);
        await exchange.BeginChunkedAsync(200, "application/json");
        using var subscription = Store.Watch(resource, ns, matches, from);
        if (subscription is null)
        {
            await exchange.WriteChunkAsync(Event("ERROR", Status(410, "Expired", $"too old resource version: {from} ({Store.Version})")) + "\n");
            return;
        }
        if (sendCurrent)
        {
            foreach (var item in Store.List(resource, ns, matches).Items)
            {
                await exchange.WriteChunkAsync(Event("ADDED", item) + "\n");
            }
        }
        var seconds = int.Parse(exchange.Query.GetValueOrDefault("timeoutSeconds") ?? "1800", CultureInfo.InvariantCulture);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(exchange.ClientGone);
        timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        var sent = 0;
        while (true)
        {
            if (fault is { Kind: not WatchFaultKind.Expire } && sent == fault.AfterEvents)
            {
                switch (fault.Kind)
                {
                    case WatchFaultKind.CutMidStream:
                        await exchange.WriteChunkAsync("{\"type\":\"MODIFIED\",\"object\":{\"kind\":\"Po");
                        exchange.Abort();
                        return;
                    case WatchFaultKind.CloseQuietly:
                        return;
                    case WatchFaultKind.GoSilent:
                        try
                        {
                            await Task.Delay(Timeout.Infinite, exchange.ClientGone);
                        }
                        catch (OperationCanceledException)
                        {
                        }
                        return;
                }
            }
            ObjectStore.StoredChange change;
            try
            {
                change = await subscription.Changes.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await exchange.WriteChunkAsync(Event(change.Type, change.Object) + "\n");
            sent++;
        }
    }

    private static string Event(string type, JsonObject obj) =>
        new JsonObject { ["type"] = type, ["object"] = obj.DeepClone() }.ToJsonString();
}
