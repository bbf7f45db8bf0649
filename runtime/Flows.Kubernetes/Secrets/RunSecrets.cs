using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Flows.Manifests;

namespace Flows.Kubernetes;

/// <summary>
/// The Kubernetes Secrets of a run: the flow Job's secret parameters (<see cref="KubernetesRunInfo.ParameterSecretName"/>) and a
/// pod task's inputs (<see cref="PodTaskSecret"/>). Each is created before the object that reads it (so its pod never starts
/// without it), then made owned by that object with a merge patch, so the garbage collector deletes it with its Job or Pod
/// whoever deletes those. Verbs used: secrets create, patch, delete.
/// </summary>
internal static class RunSecrets
{
    public static Task<JsonObject> CreateAsync(KubernetesApi api, string @namespace, JsonObject secret, string identifier, CancellationToken cancellationToken) =>
        RunObjectCreation.CreateSecretAsync(api, @namespace, JsonFields.Name(secret), identifier, secret, cancellationToken);

    /// <summary>Makes the Secret owned by <paramref name="owner"/> (a Job or Pod as the API returned it).</summary>
    public static Task OwnByAsync(KubernetesApi api, string @namespace, string secretName, JsonObject owner, CancellationToken cancellationToken)
    {
        var reference = new JsonObject
        {
            ["apiVersion"] = JsonFields.String(owner, "apiVersion") ?? "v1",
            ["kind"] = JsonFields.String(owner, "kind") ?? "Pod",
            ["name"] = JsonFields.Name(owner),
            ["uid"] = JsonFields.String(owner, "metadata", "uid") ?? "",
        };
        var patch = new JsonObject { ["metadata"] = new JsonObject { ["ownerReferences"] = new JsonArray(reference) } };
        return api.MergePatchAsync(ApiPaths.Secret(@namespace, secretName), patch, cancellationToken);
    }

    /// <returns>False when it was already gone.</returns>
    public static async Task<bool> DeleteAsync(KubernetesApi api, string @namespace, string secretName, CancellationToken cancellationToken)
    {
        try
        {
            await api.DeleteAsync(ApiPaths.Secret(@namespace, secretName), RunDeletion.BackgroundPropagation(), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (KubernetesApiException gone) when (gone.StatusCode == 404)
        {
            return false;
        }
    }
}
