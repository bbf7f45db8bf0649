using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.PodTaskDeclarations;

/// <summary>FLOW052: [PodTask] and [ContainerTask] on one method.</summary>
public class PodTaskKindConflictTests
{
    [Fact]
    public Task Reported_on_the_ContainerTask_attribute() => PodTaskDeclarationVerify.AnalyzerAsync("""
        [Flow("Both")]
        [DockerStorage(ImageName = "flows/both", ImageTag = "1")]
        public static partial class BothFlow
        {
            [FlowTask]
            [PodTask("pod.yaml", "primary")]
            [{|#0:ContainerTask("localhost:5000/busybox:1")|}]
            public static partial void Work();
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodTaskKindConflict).WithLocation(0).WithArguments("Work"));
}
