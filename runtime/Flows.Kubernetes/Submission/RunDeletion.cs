using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Flows.Manifests;

namespace Flows.Kubernetes;

/// <summary>
/// Deletes a run's Jobs and pods by its <c>identifier</c> label, with <c>propagationPolicy: Background</c>
/// (the API answers at once; the garbage collector removes what the Jobs own). Pods are deleted too, so
/// none is left behind by a Job that was already gone or a pod that lost its owner.
/// </summary>
internal static class RunDeletion
{
    public static async Task<DeletedObjects> DeleteAsync(KubernetesApi api, string @namespace, string identifier, CancellationToken cancellationToken)
    {
        var selector = RunLabels.IdentifierSelector(identifier);
        // Pods already on their way out (from an earlier deletion, in their grace period) are named as such, not as deleted now.
        var before = await api.GetAsync(ApiPaths.WithLabelSelector(ApiPaths.Pods(@namespace), selector), cancellationToken).ConfigureAwait(false);
        var terminating = JsonFields.Objects(before, "items")
            .Where(p => JsonFields.String(p, "metadata", "deletionTimestamp") is not null)
            .Select(JsonFields.Name)
            .ToHashSet(StringComparer.Ordinal);
        var jobs = await api.DeleteAsync(ApiPaths.WithLabelSelector(ApiPaths.Jobs(@namespace), selector), BackgroundPropagation(), cancellationToken).ConfigureAwait(false);
        var pods = await api.DeleteAsync(ApiPaths.WithLabelSelector(ApiPaths.Pods(@namespace), selector), BackgroundPropagation(), cancellationToken).ConfigureAwait(false);
        var podNames = Names(pods);
        return new DeletedObjects(@namespace, Names(jobs), podNames.Where(p => !terminating.Contains(p)).ToList(), podNames.Where(terminating.Contains).ToList());
    }

    public static JsonObject BackgroundPropagation() => new()
    {
        ["kind"] = "DeleteOptions",
        ["apiVersion"] = "v1",
        ["propagationPolicy"] = "Background",
    };

    private static List<string> Names(JsonObject list) => JsonFields.Objects(list, "items").Select(JsonFields.Name).ToList();
}

/// <summary>What a deletion removed.</summary>
internal sealed record DeletedObjects(string Namespace, IReadOnlyList<string> Jobs, IReadOnlyList<string> Pods, IReadOnlyList<string> PodsAlreadyTerminating)
{
    public bool IsEmpty => Jobs.Count == 0 && Pods.Count == 0 && PodsAlreadyTerminating.Count == 0;

    /// <summary>"Job ns/a and pods ns/b, ns/c".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Jobs.Count > 0)
        {
            parts.Add((Jobs.Count == 1 ? "Job " : "Jobs ") + string.Join(", ", Jobs.Select(j => Namespace + "/" + j)));
        }
        if (Pods.Count > 0)
        {
            parts.Add((Pods.Count == 1 ? "pod " : "pods ") + string.Join(", ", Pods.Select(p => Namespace + "/" + p)));
        }
        if (PodsAlreadyTerminating.Count > 0)
        {
            parts.Add((PodsAlreadyTerminating.Count == 1 ? "pod " : "pods ") + string.Join(", ", PodsAlreadyTerminating.Select(p => Namespace + "/" + p)) + " (already terminating)");
        }
        return string.Join(" and ", parts);
    }
}
