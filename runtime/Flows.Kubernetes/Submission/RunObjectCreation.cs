using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Flows.Manifests;

namespace Flows.Kubernetes;

/// <summary>
/// Creates a run's object — its Job, or a task's Pod — by POSTing the JSON exactly as the generated code built it (no typed
/// model in between, so no field the user wrote is dropped, whatever the client library knows about).
/// </summary>
internal static class RunObjectCreation
{
    /// <summary>The run's Job.</summary>
    public static Task<JsonObject> CreateJobAsync(KubernetesApi api, KubernetesRunInfo run, JsonObject job, CancellationToken cancellationToken) =>
        CreateAsync(api, ApiPaths.Jobs(run.Namespace), ApiPaths.Job(run.Namespace, run.JobName), job,
            existing => JsonFields.Label(existing, RunLabels.Identifier) == run.Identifier && JsonFields.Label(existing, RunLabels.FlowRunId) == run.FlowRunId,
            cancellationToken);

    /// <summary>A task's Pod.</summary>
    public static Task<JsonObject> CreatePodAsync(KubernetesApi api, string @namespace, string podName, string identifier, JsonObject pod,
        CancellationToken cancellationToken) =>
        CreateAsync(api, ApiPaths.Pods(@namespace), ApiPaths.Pod(@namespace, podName), pod,
            existing => JsonFields.Label(existing, RunLabels.Identifier) == identifier, cancellationToken);

    /// <summary>A Secret of the run (its secret parameters, a task's inputs).</summary>
    public static Task<JsonObject> CreateSecretAsync(KubernetesApi api, string @namespace, string secretName, string identifier, JsonObject secret,
        CancellationToken cancellationToken) =>
        CreateAsync(api, ApiPaths.Secrets(@namespace), ApiPaths.Secret(@namespace, secretName), secret,
            existing => JsonFields.Label(existing, RunLabels.Identifier) == identifier, cancellationToken);

    private static async Task<JsonObject> CreateAsync(KubernetesApi api, string collectionPath, string objectPath, JsonObject body,
        Func<JsonObject, bool> isThisRuns, CancellationToken cancellationToken)
    {
        try
        {
            return await api.PostAsync(collectionPath, body, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException conflict) when (conflict.StatusCode == 409 && conflict.Attempts > 1)
        {
            // The POST was sent more than once (a lost answer, a 500): an earlier attempt may have created
            // the object. It is this run's when it carries this run's labels.
            var existing = await api.GetAsync(objectPath, cancellationToken).ConfigureAwait(false);
            if (isThisRuns(existing))
            {
                return existing;
            }
            throw;
        }
    }
}
