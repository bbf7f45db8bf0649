using Flows.Manifests;
using Flows.Runtime.Tests.Kubernetes.Support;

namespace Flows.Runtime.Tests.Kubernetes;

/// <summary>A run's Job derives from its flow run id only: the same id renders the same Job, another id another Job.</summary>
public class JobDeterminismTests
{
    [Theory]
    [InlineData("k8s seed 001")]
    [InlineData("k8s seed 000")]
    [InlineData("K8s Default Job: Nightly Import!")]
    public void Two_renders_for_one_run_id_are_equal(string flowName)
    {
        var flow = KubernetesTestFlows.Named(flowName);

        var first = RenderedJob.For(flow);
        var second = RenderedJob.For(flow);

        Assert.NotSame(first.Job, second.Job);
        Assert.Equal(first.Job.ToJsonString(), second.Job.ToJsonString());
        Assert.Equal(JobYaml.Write(first.Job), JobYaml.Write(second.Job));
    }

    [Fact]
    public void Another_run_id_gives_another_identifier_and_job_name()
    {
        var first = RenderedJob.For(Seed001Flow.Definition, "run-1");
        var second = RenderedJob.For(Seed001Flow.Definition, "run-2");

        Assert.NotEqual(first.Run.Identifier, second.Run.Identifier);
        Assert.NotEqual(first.Run.JobName, second.Run.JobName);
        Assert.NotEqual((string?)first.Job["metadata"]!["name"], (string?)second.Job["metadata"]!["name"]);
        Assert.NotEqual((string?)first.Job["metadata"]!["labels"]!["identifier"], (string?)second.Job["metadata"]!["labels"]!["identifier"]);
        Assert.Equal("run-2", (string?)second.Job["spec"]!["template"]!["metadata"]!["labels"]!["flow_run_id"]);
    }

    [Fact]
    public void The_job_name_is_the_spec_name_and_ten_characters_of_the_identifier()
    {
        var rendered = RenderedJob.For(Seed001Flow.Definition);

        Assert.Matches("^[0-9a-f]{16}$", rendered.Run.Identifier);
        Assert.Equal("my-prefect-job-" + rendered.Run.Identifier[..10], rendered.Run.JobName);
    }

    [Fact]
    public void The_default_job_is_named_after_the_flow()
    {
        var rendered = RenderedJob.For(DefaultJobFlow.Definition);

        Assert.Equal("k8s-default-job-nightly-import-" + rendered.Run.Identifier[..10], rendered.Run.JobName);
    }
}
