using Flows.Manifests;

namespace Flows.Kubernetes;

/// <summary>What <c>submit</c> was asked to do.</summary>
internal sealed record SubmitRequest(
    FlowDefinition Flow,
    KubernetesJobTemplate Template,
    KubernetesRunInfo Run,
    bool Wait,
    bool FollowLog,
    bool Keep,
    string? EvidenceFolder);
