using Flows.Generators.Kubernetes.Validation;
using Xunit;

namespace Flows.Generators.Tests.Kubernetes.Validation;

/// <summary>
/// The seeds' specs, the same text the analyzer tests check (<see cref="SeedSpecs"/>), pass the API server's validation
/// as the checkers run it: the container Flows runs in gets its image and command from Flows.
/// </summary>
public sealed class SeedSpecValidationTests
{
    private static SpecOptions Job => new() { FlowsContainer = "flow-container" };

    private static SpecOptions SidecarTask => new()
    {
        FlowsContainer = "primary",
        OverwrittenFields = new[] { "image", "command", "args", "resources", "env", "terminationMessagePolicy" },
        FlowsAddsContainer = true,
        FlowsDefaultsRestartPolicyToNever = true,
    };

    [Fact]
    public void Seed_001_the_resource_limits_Job() => SpecValidationKit.Job(SeedSpecs.ResourceLimits, Job).AssertValid();

    [Fact]
    public void Seed_000_the_Job_with_a_dind_sidecar() => SpecValidationKit.Job(SeedSpecs.DockerSidecar, Job).AssertValid();

    [Fact]
    public void Seed_002_the_shared_volume_as_a_bare_PodSpec() => SpecValidationKit.PodSpec(SeedSpecs.SharedVolume, SidecarTask).AssertValid();

    [Fact]
    public void Seed_002_the_shared_volume_as_a_Pod() => SpecValidationKit.Pod(SeedSpecs.SharedVolumePod, SidecarTask).AssertValid();

    [Fact]
    public void Read_as_any_other_container_the_flow_containers_empty_image_is_an_error() =>
        SpecValidationKit.Job(SeedSpecs.ResourceLimits, new SpecOptions { FlowsContainer = "another" })
            .Single("spec.template.spec.containers[0].image", SpecErrorType.Required);
}
