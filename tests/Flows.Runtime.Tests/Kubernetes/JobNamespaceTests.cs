using Flows.Runtime.Tests.Kubernetes.Support;

namespace Flows.Runtime.Tests.Kubernetes;

/// <summary>Where a run's namespace comes from: --namespace, else [KubernetesJob(Namespace)], else the spec's, else "default".</summary>
public class JobNamespaceTests
{
    [Fact]
    public void The_spec_namespace_is_kept_when_none_is_given()
    {
        var rendered = RenderedJob.For(NamespacedFlow.Definition);

        Assert.Equal("data-team", NamespacedFlow.Definition.KubernetesJob!.DefaultNamespace);
        Assert.Equal("data-team", (string?)rendered.Job["metadata"]!["namespace"]);
        Assert.Equal("data-team", rendered.Run.Namespace);
        Assert.Equal(600, (int)rendered.Job["spec"]!["ttlSecondsAfterFinished"]!);
    }

    [Fact]
    public void A_spec_without_a_namespace_runs_in_default_and_the_job_names_none()
    {
        var rendered = RenderedJob.For(Seed001Flow.Definition);

        Assert.Equal("default", rendered.Run.Namespace);
        Assert.False(rendered.Job["metadata"]!.AsObject().ContainsKey("namespace"));
    }
}
