using System.Collections.Generic;

namespace Flows.Docker.LocalJobs.Manifests;

/// <summary>The pod's own fields that <c>env[].valueFrom.fieldRef</c> can name (the downward API), as the local pod has them.</summary>
internal sealed record PodFieldValues(
    string Name,
    string Namespace,
    string Uid,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    string ServiceAccountName,
    string NodeName);
