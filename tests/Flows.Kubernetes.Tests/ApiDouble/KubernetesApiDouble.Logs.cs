using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Flows.Kubernetes.Tests.ApiDouble;

internal sealed partial class KubernetesApiDouble
{
    /// <summary>
    /// <c>GET .../pods/NAME/log</c> with <c>container</c>, <c>follow</c>, <c>timestamps</c>, <c>sinceTime</c>
    /// (whole seconds, as the kubelet receives it) and <c>tailLines</c>; 400 while the container waits to start.
    /// </summary>
    private async Task ServeLogAsync(HttpExchange exchange, string ns, string podName)
    {
        var pod = Store.Get("pods", ns, podName);
        if (pod is null)
        {
            await exchange.RespondJsonAsync(404, Status(404, "NotFound", $"pods \"{podName}\" not found"));
            return;
        }
        var containers = ((pod["spec"]?["initContainers"] as JsonArray) ?? new JsonArray())
            .Concat((pod["spec"]?["containers"] as JsonArray) ?? new JsonArray())
            .Select(c => c!["name"]!.GetValue<string>()).ToList();
        var container = exchange.Query.GetValueOrDefault("container") ?? (containers.Count == 1 ? containers[0] : null);
        if (container is null)
        {
            await exchange.RespondJsonAsync(400, Status(400, "BadRequest", $"a container name must be specified for pod {podName}, choose one of: [{string.Join(" ", containers)}]"));
            return;
        }
        if (!containers.Contains(container))
        {
            await exchange.RespondJsonAsync(400, Status(400, "BadRequest", $"container {container} is not valid for pod {podName}"));
            return;
        }
        var status = ((pod["status"]?["containerStatuses"] as JsonArray) ?? new JsonArray())
            .OfType<JsonObject>().FirstOrDefault(s => s["name"]?.GetValue<string>() == container);
        var started = status?["state"]?["running"] is not null || status?["state"]?["terminated"] is not null || status?["lastState"]?["terminated"] is not null;
        if (!started)
        {
            var reason = status?["state"]?["waiting"]?["reason"]?.GetValue<string>() ?? "ContainerCreating";
            await exchange.RespondJsonAsync(400, Status(400, "BadRequest", $"container \"{container}\" in pod \"{podName}\" is waiting to start: {reason}"));
            return;
        }

        if (Logs.IsRemoved(ns, podName, container))
        {
            // What a 1.20 kubelet (dockershim) answers for a container it has removed: 200 and this text, without a timestamp.
            var id = status?["state"]?["terminated"]?["containerID"]?.GetValue<string>() ?? "docker://" + container;
            await exchange.BeginChunkedAsync(200, "text/plain");
            await exchange.WriteChunkAsync($"unable to retrieve container logs for {id}");
            return;
        }
        var follow = exchange.Query.GetValueOrDefault("follow") == "true";
        var timestamps = exchange.Query.GetValueOrDefault("timestamps") == "true";
        long? sinceSeconds = exchange.Query.TryGetValue("sinceTime", out var since)
            ? DateTimeOffset.Parse(since, CultureInfo.InvariantCulture).ToUnixTimeSeconds()
            : null;
        int? tailLines = exchange.Query.TryGetValue("tailLines", out var tail) ? int.Parse(tail, CultureInfo.InvariantCulture) : null;
        var fault = Faults.TakeLogFault();

        LogStreamOpened();
        try
        {
            await exchange.BeginChunkedAsync(200, "text/plain");
            var index = 0;
            var sent = 0;
            var first = true;
            while (true)
            {
                var (lines, ended, changed) = Logs.Read(ns, podName, container, index);
                index += lines.Count;
                IEnumerable<ContainerLogs.LogLine> selected = lines.Where(l => sinceSeconds is null || l.UnixSeconds >= sinceSeconds);
                if (first && tailLines is { } n)
                {
                    selected = selected.TakeLast(n);
                }
                first = false;
                foreach (var line in selected)
                {
                    var text = (timestamps ? line.Timestamp + " " : "") + line.Text + "\n";
                    if (fault is not null && sent == fault.AfterLines)
                    {
                        if (fault.Kind == LogStreamFaultKind.CutMidLine)
                        {
                            await exchange.WriteChunkAsync(text.Substring(0, text.Length / 2));
                            exchange.Abort();
                        }
                        return;
                    }
                    await exchange.WriteChunkAsync(text);
                    sent++;
                }
                if (!follow || ended)
                {
                    return;
                }
                try
                {
                    await changed.WaitAsync(exchange.ClientGone);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        finally
        {
            LogStreamClosed();
        }
    }
}
