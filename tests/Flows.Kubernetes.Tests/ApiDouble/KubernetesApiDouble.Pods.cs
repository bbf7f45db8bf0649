using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Flows.Kubernetes.Tests.ApiDouble;

internal sealed partial class KubernetesApiDouble
{
    /// <summary>POST a pod (a pod task): stored as sent (plus metadata and a Pending status); the "kubelet" runs <see cref="PodScript"/>.</summary>
    private async Task CreatePodAsync(HttpExchange exchange, RecordedRequest request, string ns)
    {
        PodPostBodies.Enqueue(exchange.Body);
        JsonObject? pod;
        try
        {
            pod = JsonNode.Parse(exchange.Body) as JsonObject;
        }
        catch (JsonException invalid)
        {
            await exchange.RespondJsonAsync(400, Status(400, "BadRequest", invalid.Message));
            return;
        }
        var name = pod?["metadata"]?["name"]?.GetValue<string>();
        if (pod is null || name is null)
        {
            await exchange.RespondJsonAsync(422, Status(422, "Invalid", "Pod \"\" is invalid: metadata.name: Required value: name or generateName is required"));
            return;
        }
        if (pod["metadata"]?["namespace"]?.GetValue<string>() is { } bodyNamespace && bodyNamespace != ns)
        {
            await exchange.RespondJsonAsync(400, Status(400, "BadRequest", "the namespace of the provided object does not match the namespace sent on the request"));
            return;
        }
        pod["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = "BestEffort" };
        var stored = Store.Add("pods", ns, pod);
        if (stored is null)
        {
            await exchange.RespondJsonAsync(409, Status(409, "AlreadyExists", $"pods \"{name}\" already exists"));
            return;
        }
        var scripted = new ScriptedPod(this, ns, name, jobName: null, (JsonObject)stored["spec"]!);
        Track(Task.Run(() => PodScript(scripted)));
        if (Faults.TakeLostAnswer(request))
        {
            await exchange.RespondJsonAsync(500, Status(500, "InternalError", "an injected error after the pod was created"));
            return;
        }
        await exchange.RespondJsonAsync(201, Store.Get("pods", ns, name) ?? stored);
    }
}
