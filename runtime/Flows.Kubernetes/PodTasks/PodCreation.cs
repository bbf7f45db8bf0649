using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Kubernetes;

/// <summary>
/// Creates a task's pod by POSTing the Pod JSON exactly as the task's generated code built it (no typed model
/// in between, so no field of the user's pod spec is dropped).
/// </summary>
internal static class PodCreation
{
    public static async Task<JsonObject> CreateAsync(KubernetesApi api, string @namespace, string podName, string identifier, JsonObject pod,
        CancellationToken cancellationToken)
    {
        try
        {
            return await api.PostAsync(ApiPaths.Pods(@namespace), pod, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException conflict) when (conflict.StatusCode == 409 && conflict.Attempts > 1)
        {
            // The POST was sent more than once (a lost answer, a 500): an earlier attempt may have created
            // the pod. It is this one when it carries this run's identifier.
            var existing = await api.GetAsync(ApiPaths.Pod(@namespace, podName), cancellationToken).ConfigureAwait(false);
            if (JsonFields.Label(existing, "identifier") == identifier)
            {
                return existing;
            }
            throw;
        }
    }
}
