using System.Threading;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Manifests;

namespace Flows.Kubernetes;

/// <summary>
/// Before <c>submit</c> creates a Job that names a service account: the account must exist, or the Job controller can
/// never create its pod (the ServiceAccount admission plugin refuses it) and the run would wait for nothing.
/// </summary>
internal static class ServiceAccountCheck
{
    /// <returns>The error line when the account is missing; null when it exists or cannot be looked at (the submitter may not read service accounts).</returns>
    public static async Task<string?> ProblemAsync(KubernetesApi api, FlowDefinition flow, KubernetesRunInfo run, string account, CancellationToken cancellationToken)
    {
        try
        {
            await api.GetAsync(ApiPaths.ServiceAccount(run.Namespace, account), cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (KubernetesApiException missing) when (missing.StatusCode == 404)
        {
            var render = $"{EntrypointCommand.Prefix} render --rbac --flow '{flow.Name.Replace("'", "'\\''", System.StringComparison.Ordinal)}' --namespace {run.Namespace} | kubectl apply -f -";
            return account == PodTaskRbac.NameFor(flow.Name)
                ? $"error: service account {run.Namespace}/{account} does not exist: the Job of flow '{flow.Name}' runs under it to create its pod tasks' pods. "
                    + $"Create it with its Role and RoleBinding: {render}"
                : $"error: service account {run.Namespace}/{account}, which the job spec of flow '{flow.Name}' names, does not exist: "
                    + $"create it (kubectl create serviceaccount -n {run.Namespace} {account}), and for pod tasks its Role: {render}";
        }
        catch (System.Exception unavailable) when (unavailable is KubernetesApiException || KubernetesApi.IsConnectionError(unavailable, cancellationToken))
        {
            // Creating the Job reports a server that cannot be reached; a 403 here only means this check cannot be made.
            return null;
        }
    }
}
