using System.Linq;
using Flows.Generators.Kubernetes.Validation;
using Xunit;

namespace Flows.Generators.Tests.Kubernetes.Validation;

/// <summary>ValidateResourceRequirements, validateContainerResourceName, ValidateResourceQuantityValue, validateOverhead.</summary>
public sealed class ResourceValidationTests
{
    private const string R = "spec.containers[0].resources.";

    private static SpecErrors Resources(string resources) =>
        SpecValidationKit.PodSpec(ContainerValidationTests.Container("resources: " + resources));

    [Theory]
    [InlineData("{limits: {cpu: 1}, requests: {cpu: 2}}", R + "requests", SpecErrorType.Invalid)]
    [InlineData("{limits: {memory: 1Gi}, requests: {memory: 1025Mi}}", R + "requests", SpecErrorType.Invalid)]
    [InlineData("{limits: {cpu: 100m}, requests: {cpu: '0.1001'}}", R + "requests", SpecErrorType.Invalid)]
    [InlineData("{limits: {example.com/gpu: 2}, requests: {example.com/gpu: 1}}", R + "requests", SpecErrorType.Invalid)]
    [InlineData("{requests: {example.com/gpu: 1}}", R + "limits", SpecErrorType.Required)]
    [InlineData("{requests: {hugepages-2Mi: 1Gi, memory: 1Gi}}", R + "limits", SpecErrorType.Required)]
    [InlineData("{limits: {hugepages-2Mi: 1Gi}}", "spec.containers[0].resources", SpecErrorType.Forbidden)]
    [InlineData("{limits: {pods: 1}}", R + "limits[pods]", SpecErrorType.Invalid)]
    [InlineData("{limits: {gpu: 1}}", R + "limits[gpu]", SpecErrorType.Invalid)]
    [InlineData("{requests: {storage: 1Gi}}", R + "requests[storage]", SpecErrorType.Invalid)]
    [InlineData("{limits: {requests.example.com/gpu: 1}}", R + "limits[requests.example.com/gpu]", SpecErrorType.Invalid)]
    [InlineData("{limits: {example.com/gpu: 500m}}", R + "limits[example.com/gpu]", SpecErrorType.Invalid)]
    [InlineData("{limits: {example.com/gpu: '1.5'}}", R + "limits[example.com/gpu]", SpecErrorType.Invalid)]
    public void Resource_rules(string resources, string path, object type) =>
        Resources(resources).Expect(path, (SpecErrorType)type);

    [Fact]
    public void A_request_above_its_limit_is_tagged_quantity()
    {
        var error = Resources("{limits: {cpu: 1}, requests: {cpu: 2}}").Single(R + "requests", SpecErrorType.Invalid);
        Assert.Equal(SpecRule.Quantity, error.Rule);
        Assert.Equal("spec.containers[0].resources.requests: Invalid value: \"2\": must be less than or equal to cpu limit", error.Message);
    }

    [Fact]
    public void A_negative_quantity_is_reported_once_tagged_quantity()
    {
        var errors = Resources("{requests: {memory: -1Gi}}");
        var error = Assert.Single(errors.All, e => e.Path.ToString() == R + "requests[memory]");
        Assert.Equal(SpecRule.Quantity, error.Rule);
    }

    [Fact]
    public void A_name_with_several_problems_gets_each_message()
    {
        var errors = Resources("{limits: {services: 1}}");
        Assert.Equal(new[] { R + "limits[services]" }, errors.All.Select(e => e.Path.ToString()).ToArray());
        Assert.Contains(errors.Errors(), m => m.Contains("must be a standard resource for containers"));
    }

    [Fact]
    public void In_a_pod_a_missing_request_is_its_limit_but_not_in_a_job_template()
    {
        // A Pod: SetDefaults_Pod copies the limit; an extended resource's request then equals it.
        Resources("{limits: {example.com/gpu: 1}}").AssertValid();
        Resources("{limits: {hugepages-2Mi: 1Gi, memory: 1Gi}}").AssertValid();
        var job = SpecValidationKit.Job("""
            apiVersion: batch/v1
            kind: Job
            metadata: {name: j}
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: main
                    image: busybox:1
                    resources: {limits: {example.com/gpu: 1}, requests: {example.com/gpu: 2}}
            """);
        job.Single("spec.template.spec.containers[0].resources.requests", SpecErrorType.Invalid);
    }

    [Theory]
    [InlineData("gpu: 1", "spec.overhead.limits[gpu]")]
    [InlineData("example.com/gpu: 500m", "spec.overhead.limits[example.com/gpu]")]
    [InlineData("pods: 1", "spec.overhead.limits[pods]")]
    public void Overhead_is_checked_as_limits(string entry, string path) =>
        SpecValidationKit.PodSpec("containers:\n- name: main\n  image: busybox:1\noverhead:\n  " + entry).Expect(path, SpecErrorType.Invalid);

    [Theory]
    [InlineData("{limits: {cpu: 1, memory: 1Gi}, requests: {cpu: 1, memory: 1Gi}}")]
    [InlineData("{limits: {cpu: '1', memory: 1073741824}, requests: {cpu: 1000m, memory: 1Gi}}")]
    [InlineData("{limits: {cpu: '0.1'}, requests: {cpu: 100m}}")]
    [InlineData("{requests: {cpu: 2, memory: 64Mi, ephemeral-storage: 1Gi}}")]
    [InlineData("{limits: {example.com/gpu: 2, nvidia.com/gpu: 1}, requests: {example.com/gpu: 2}}")]
    [InlineData("{limits: {hugepages-2Mi: 100Mi, hugepages-1Gi: 1Gi, cpu: 1}, requests: {hugepages-2Mi: 100Mi, hugepages-1Gi: 1Gi}}")]
    [InlineData("{limits: {kubernetes.io/foo: 1}}")]
    [InlineData("{limits: {cpu: 0}, requests: {cpu: 0, memory: 0}}")]
    [InlineData("{limits: {}, requests: {}}")]
    public void Valid_resources_stay_valid(string resources) =>
        Resources(resources).AssertValid();

    [Fact]
    public void Valid_overhead_stays_valid() =>
        SpecValidationKit.PodSpec("containers:\n- name: main\n  image: busybox:1\noverhead:\n  cpu: 250m\n  memory: 120Mi").AssertValid();
}
