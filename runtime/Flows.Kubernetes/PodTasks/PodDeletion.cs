using System.Threading;
using System.Threading.Tasks;

namespace Flows.Kubernetes;

/// <summary>Deletes a task's pod by name, with <c>propagationPolicy: Background</c> and a short grace period.</summary>
internal static class PodDeletion
{
    /// <summary>
    /// Sidecars may never exit on their own, so the default 30 s of SIGTERM grace would only delay the end. Not 0:
    /// that removes the Pod object at once, before the kubelet has stopped its containers.
    /// </summary>
    public const int GracePeriodSeconds = 1;

    /// <returns>False when the pod was already gone.</returns>
    public static async Task<bool> DeleteAsync(KubernetesApi api, string @namespace, string podName, CancellationToken cancellationToken)
    {
        var options = RunDeletion.BackgroundPropagation();
        options["gracePeriodSeconds"] = GracePeriodSeconds;
        try
        {
            await api.DeleteAsync(ApiPaths.Pod(@namespace, podName), options, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (KubernetesApiException gone) when (gone.StatusCode == 404)
        {
            return false;
        }
    }
}
