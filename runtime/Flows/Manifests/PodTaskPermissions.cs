using System.Collections.Generic;

namespace Flows.Manifests;

/// <summary>One rule of a Role: these verbs on this resource of the core API group.</summary>
public sealed record ApiPermission(string Resource, IReadOnlyList<string> Verbs);

/// <summary>
/// Exactly what a flow's process asks of the Kubernetes API when it runs pod tasks from inside its Job, each
/// entry traced to the code that needs it. The rendered Role (<c>render --rbac</c>) is this list and nothing more;
/// change it here when the runtime's calls change.
/// </summary>
public static class PodTaskPermissions
{
    public static IReadOnlyList<ApiPermission> All { get; } = new ApiPermission[]
    {
        // KubernetesPodTaskRunner: create the task's pod; get it after a retried create answered 409; list and watch it
        // by name (PodTaskMonitor); delete it at the end (PodDeletion).
        new("pods", new[] { "create", "get", "list", "watch", "delete" }),
        // ContainerLogFollower: the primary container's log.
        new("pods/log", new[] { "get" }),
        // PodProblemReporter: the pod's latest Warning event, which says why an image cannot be pulled.
        new("events", new[] { "list" }),
        // The per-pod Secret that carries a pod task's inputs and secret flow parameters, created before its pod and
        // deleted after it.
        new("secrets", new[] { "create", "patch", "delete" }),
    };
}
