using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>FLOW072: a resource value that is not a quantity, or a limit below its request, in the YAML or on the attribute.</summary>
public class PodInvalidResourceQuantityTests
{
    [Fact]
    public Task Reported_in_a_sidecar_of_the_pod_spec() => VerifyPodTasks.PodSpecAsync("""
        containers:
        - name: primary
        - name: secondary
          image: alpine:3.20
          resources:
            requests:
              cpu: {|#0:2 cores|}
              memory: 512Mi
            limits:
              memory: {|#1:256Mi|}
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodInvalidResourceQuantity).WithLocation(0)
            .WithArguments("Pod spec 'pod_spec.yaml'", "container 'secondary' requests cpu: '2 cores' is not a Kubernetes quantity (e.g. 500m, 2, 512Mi, 4G)"),
        Verify.Diagnostic(DiagnosticDescriptors.PodInvalidResourceQuantity).WithLocation(1)
            .WithArguments("Pod spec 'pod_spec.yaml'", "container 'secondary' limits memory to 256Mi, below its request of 512Mi: the API server rejects the Pod; raise the limit or lower the request"));

    // The check before the port read containers' resources only; the API server parses every quantity.
    [Fact]
    public Task Reported_at_a_volume_size_limit_with_the_API_server_message() => VerifyPodTasks.PodSpecAsync("""
        containers:
        - name: primary
        volumes:
        - name: scratch
          emptyDir:
            sizeLimit: {|#0:1 GB|}
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodInvalidResourceQuantity).WithLocation(0)
            .WithArguments("Pod spec 'pod_spec.yaml'", "spec.volumes[0].emptyDir.sizeLimit: '1 GB' is not a Kubernetes quantity: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' (e.g. 500m, 2, 512Mi, 4G)"));

    [Fact]
    public Task Reported_at_the_attribute_argument() => VerifyPodTasks.AnalyzerAsync(VerifyPodTasks.Flow(
        """[PodTask("pod_spec.yaml", "primary", {|#0:CpuRequest = "two"|}, MemoryRequest = "256Mi", {|#1:MemoryLimit = "128Mi"|})]"""), SeedSpecs.SharedVolume,
        Verify.Diagnostic(DiagnosticDescriptors.PodInvalidResourceQuantity).WithLocation(0)
            .WithArguments("[PodTask] on task 'Wait'", "CpuRequest \"two\" is not a Kubernetes quantity (e.g. 500m or 2 for CPU, 512Mi or 4G for memory)"),
        Verify.Diagnostic(DiagnosticDescriptors.PodInvalidResourceQuantity).WithLocation(1)
            .WithArguments("[PodTask] on task 'Wait'", "MemoryLimit \"128Mi\" is below MemoryRequest \"256Mi\": the API server rejects the Pod; raise the limit or lower the request"));

    [Fact]
    public Task Reported_on_a_container_task() => VerifyPodTasks.AnalyzerAsync(VerifyPodTasks.ContainerFlow(
        """[ContainerTask("busybox:1.36", CpuRequest = "1", {|#0:CpuLimit = "500m"|})]"""), null,
        Verify.Diagnostic(DiagnosticDescriptors.PodInvalidResourceQuantity).WithLocation(0)
            .WithArguments("[ContainerTask] on task 'Greet'", "CpuLimit \"500m\" is below CpuRequest \"1\": the API server rejects the Pod; raise the limit or lower the request"));
}
