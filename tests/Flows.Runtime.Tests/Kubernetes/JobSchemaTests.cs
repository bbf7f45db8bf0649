using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Flows.Runtime.Tests.Kubernetes.Support;

namespace Flows.Runtime.Tests.Kubernetes;

/// <summary>
/// Every rendered Job validates against the official Kubernetes OpenAPI schema (batch/v1 Job of Kubernetes v1.36.0,
/// through npm's kubernetes-models 5.1.0), and a broken Job does not, so the check can fail.
/// </summary>
public class JobSchemaTests
{
    [SchemaFact]
    public Task The_seed_001_job_is_valid() => AssertValidAsync("k8s seed 001");

    [SchemaFact]
    public Task The_seed_000_job_is_valid() => AssertValidAsync("k8s seed 000");

    [SchemaFact]
    public Task The_default_job_is_valid() => AssertValidAsync("K8s Default Job: Nightly Import!");

    [SchemaFact]
    public Task The_second_container_job_is_valid() => AssertValidAsync("k8s second container");

    [SchemaFact]
    public async Task A_job_whose_containers_is_a_string_is_invalid()
    {
        var job = RenderedJob.For(Seed001Flow.Definition).Job;
        job["spec"]!["template"]!["spec"]!["containers"] = "x";

        var (exitCode, output) = await JobSchema.ValidateAsync(job);

        Assert.True(exitCode == 1, $"exit {exitCode}: {output}");
        Assert.Contains("/spec/template/spec/containers: must be array", output);
    }

    [SchemaFact]
    public async Task A_job_with_a_numeric_label_and_a_nameless_env_entry_is_invalid()
    {
        var job = RenderedJob.For(Seed001Flow.Definition).Job;
        job["metadata"]!["labels"]!["version"] = 2;
        ((JsonArray)job["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!).Add(new JsonObject { ["value"] = "x" });

        var (exitCode, output) = await JobSchema.ValidateAsync(job);

        Assert.True(exitCode == 1, $"exit {exitCode}: {output}");
        Assert.Contains("/metadata/labels/version: must be string", output);
        Assert.Contains("must have required property name", output);
    }

    private static async Task AssertValidAsync(string flowName)
    {
        var job = RenderedJob.For(KubernetesTestFlows.Named(flowName)).Job;

        var (exitCode, output) = await JobSchema.ValidateAsync(job);

        Assert.True(exitCode == 0, $"{flowName}: exit {exitCode}\n{output}\n{job.ToJsonString()}");
    }
}
