using System.Text.Json.Nodes;
using Flows.Manifests;

namespace Flows.Runtime.Tests.Kubernetes.Support;

/// <summary>A flow's Job patched for one run, and the run it was patched for.</summary>
internal sealed record RenderedJob(KubernetesRunInfo Run, JsonObject Job)
{
    public const string RunId = "3f1c8f0e-1d2a-4c3b-9e8f-0a1b2c3d4e5f";

    public static RenderedJob For(FlowDefinition flow, string flowRunId = RunId, string? @namespace = null)
    {
        var template = flow.KubernetesJob ?? throw new System.InvalidOperationException($"flow '{flow.Name}' has no Kubernetes job");
        var run = KubernetesRunInfo.Create(flow, template, flowRunId, @namespace);
        return new RenderedJob(run, template.CreateJob(run));
    }
}
