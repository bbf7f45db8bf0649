using System.Threading;
using System.Threading.Tasks;

namespace Flows;

/// <summary>
/// Runs a pod task's Pod somewhere (a Kubernetes cluster, the local Docker engine) until its primary
/// container ends, streaming that container's log to the request's logger, and removes the Pod.
/// </summary>
public interface IPodTaskRunner
{
    /// <summary>Where pods run, for the run's log, e.g. "on Kubernetes, namespace default".</summary>
    string Description { get; }

    /// <summary>
    /// Creates the Pod, waits for the primary container to terminate (sidecars may still run), deletes the
    /// Pod and returns how the primary ended. Throws <see cref="PodTaskException"/> when the Pod cannot run
    /// (a bad image, the Pod deleted), with the reason.
    /// </summary>
    Task<PodTaskOutcome> RunAsync(PodTaskRequest request, CancellationToken cancellationToken);
}
