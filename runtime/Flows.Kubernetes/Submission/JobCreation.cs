using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Kubernetes;

/// <summary>
/// Creates the run's Job by POSTing the patched Job JSON exactly as the template made it (no typed model
/// in between, so no field the user wrote is dropped, whatever the client library knows about).
/// </summary>
internal static class JobCreation
{
    public static async Task<JsonObject> CreateAsync(KubernetesApi api, KubernetesRunInfo run, JsonObject job, CancellationToken cancellationToken)
    {
        try
        {
            return await api.PostAsync(ApiPaths.Jobs(run.Namespace), job, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException conflict) when (conflict.StatusCode == 409 && conflict.Attempts > 1)
        {
            // The POST was sent more than once (a lost answer, a 500): an earlier attempt may have created
            // the Job. It is this run's when it carries this run's identifier.
            var existing = await api.GetAsync(ApiPaths.Job(run.Namespace, run.JobName), cancellationToken).ConfigureAwait(false);
            if (JsonFields.Label(existing, "identifier") == run.Identifier && JsonFields.Label(existing, "flow_run_id") == run.FlowRunId)
            {
                return existing;
            }
            throw;
        }
    }
}
