using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;

namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>Pod specs that work have no diagnostics.</summary>
public class ValidPodSpecTests
{
    [Fact]
    public Task The_seed_shared_volume_spec_as_a_bare_PodSpec() => VerifyPodTasks.PodSpecAsync(SeedSpecs.SharedVolume);

    [Fact]
    public Task The_seed_shared_volume_spec_as_a_Pod() => VerifyPodTasks.PodSpecAsync(SeedSpecs.SharedVolumePod);

    [Fact]
    public Task A_sidecar_that_never_exits_since_the_task_ends_with_its_primary() => VerifyPodTasks.PodSpecAsync("""
        restartPolicy: Never
        containers:
        - name: cache
          image: redis:7
          command: ["redis-server"]
        """);

    [Fact]
    public Task A_container_task_without_a_pod_spec() => VerifyPodTasks.AnalyzerAsync(VerifyPodTasks.ContainerFlow(
        """[ContainerTask("busybox:1.36", Command = new[] { "echo" }, Args = new[] { "{name}" }, CpuRequest = "100m", CpuLimit = "1", Environment = new[] { "GREETING=hello" })]"""), null);

    [Fact]
    public Task A_container_task_image_pinned_by_digest() => VerifyPodTasks.AnalyzerAsync(VerifyPodTasks.ContainerFlow(
        """[ContainerTask("busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]"""), null);

    [Fact]
    public Task A_pod_task_with_resources_and_environment_on_the_attribute() => VerifyPodTasks.AnalyzerAsync(VerifyPodTasks.Flow(
        """[PodTask("pod_spec.yaml", "primary", CpuRequest = "250m", CpuLimit = "1", MemoryRequest = "128Mi", MemoryLimit = "1Gi", Environment = new[] { "MODE=batch", "EMPTY=", "my.setting=a=b" })]"""),
        SeedSpecs.SharedVolume);
}
