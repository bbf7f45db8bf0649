using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>FLOW060: the pod spec file is not an AdditionalFile; reported at the attribute's file argument.</summary>
public class PodSpecFileNotFoundTests
{
    [Fact]
    public Task Reported_at_the_PodTask_file_argument() => VerifyPodTasks.AnalyzerAsync(
        VerifyPodTasks.Flow("""[PodTask({|#0:"k8s/pod_spec.yaml"|}, "primary")]"""), SeedSpecs.SharedVolume,
        Verify.Diagnostic(DiagnosticDescriptors.PodSpecFileNotFound).WithLocation(0).WithArguments("k8s/pod_spec.yaml", "Wait"));

    [Fact]
    public Task Reported_at_the_ContainerTask_PodSpecFile_argument() => VerifyPodTasks.AnalyzerAsync(
        VerifyPodTasks.ContainerFlow("""[ContainerTask("busybox:1.36", {|#0:PodSpecFile = "pod_spec.yaml"|})]"""), null,
        Verify.Diagnostic(DiagnosticDescriptors.PodSpecFileNotFound).WithLocation(0).WithArguments("pod_spec.yaml", "Greet"));

    [Fact]
    public Task Not_reported_when_the_file_is_there() => VerifyPodTasks.PodSpecAsync(SeedSpecs.SharedVolume);
}
