using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>FLOW070: [ContainerTask]'s image is not a valid image reference; reported at the argument.</summary>
public class InvalidContainerTaskImageTests
{
    [Fact]
    public Task Reported_for_uppercase_letters() => VerifyPodTasks.AnalyzerAsync(
        VerifyPodTasks.ContainerFlow("""[ContainerTask({|#0:"Busybox:1.36"|})]"""), null,
        Verify.Diagnostic(DiagnosticDescriptors.InvalidContainerTaskImage).WithLocation(0)
            .WithArguments("Greet", "Busybox:1.36", "'Busybox' has uppercase letters, which image names do not allow: write 'busybox'"));

    [Fact]
    public Task Reported_for_an_empty_image() => VerifyPodTasks.AnalyzerAsync(
        VerifyPodTasks.ContainerFlow("""[ContainerTask({|#0:""|})]"""), null,
        Verify.Diagnostic(DiagnosticDescriptors.InvalidContainerTaskImage).WithLocation(0)
            .WithArguments("Greet", "", "it is empty: write the image to run, e.g. \"busybox:1.36\""));

    [Fact]
    public Task Reported_for_a_malformed_digest() => VerifyPodTasks.AnalyzerAsync(
        VerifyPodTasks.ContainerFlow("""[ContainerTask({|#0:"busybox@sha256:abc"|})]"""), null,
        Verify.Diagnostic(DiagnosticDescriptors.InvalidContainerTaskImage).WithLocation(0)
            .WithArguments("Greet", "busybox@sha256:abc", "the digest 'sha256:abc' must be algorithm:hex, e.g. sha256:<64 hex digits>"));
}
