using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.PodTaskDeclarations;

/// <summary>FLOW055: [PodTask] or [ContainerTask] on a method that is not a task.</summary>
public class PodTaskWithoutFlowTaskTests
{
    [Fact]
    public Task Reported_on_the_attribute() => PodTaskDeclarationVerify.AnalyzerAsync("""
        [Flow("Clock")]
        [DockerStorage(ImageName = "flows/clock", ImageTag = "1")]
        public static partial class ClockFlow
        {
            [FlowTask]
            public static void Start() { }

            [{|#0:PodTask("pod.yaml", "primary")|}]
            public static void Forgotten() { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodTaskWithoutFlowTask).WithLocation(0).WithArguments("Forgotten", "PodTask"));
}
