using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>FLOW071 (information): [ContainerTask]'s image has no tag, so Kubernetes runs ':latest'.</summary>
public class ContainerTaskImageWithoutTagTests
{
    [Fact]
    public Task Reported_at_the_image_argument() => VerifyPodTasks.AnalyzerAsync(
        VerifyPodTasks.ContainerFlow("""[ContainerTask({|#0:"localhost:5000/busybox"|})]"""), null,
        Verify.Diagnostic(DiagnosticDescriptors.ContainerTaskImageWithoutTag).WithLocation(0).WithArguments("Greet", "localhost:5000/busybox"));

    [Fact]
    public Task Not_reported_for_a_tag() => VerifyPodTasks.AnalyzerAsync(
        VerifyPodTasks.ContainerFlow("""[ContainerTask("localhost:5000/busybox:1")]"""), null);
}
