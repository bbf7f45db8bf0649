using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.PodTaskDeclarations;

/// <summary>FLOW053: a [PodTask] in a flow without [DockerStorage] has no image to run its body in.</summary>
public class PodTaskWithoutStorageTests
{
    [Fact]
    public Task Reported_on_the_PodTask_attribute() => PodTaskDeclarationVerify.AnalyzerAsync("""
        [Flow("Sidecar")]
        public static partial class SidecarFlow
        {
            [FlowTask]
            [{|#0:PodTask("pod.yaml", "primary")|}]
            public static void Work() { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodTaskWithoutStorage).WithLocation(0).WithArguments("Work", "Sidecar", "SidecarFlow"));

    [Fact]
    public Task Not_reported_for_a_container_task_which_runs_its_own_image() => PodTaskDeclarationVerify.AnalyzerAsync("""
        [Flow("Clock")]
        public static partial class ClockFlow
        {
            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1", Command = new[] { "date" })]
            public static partial string Now();
        }
        """);
}
