using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>FLOW074: an Environment name that the pod patch also appends (the run's context and the task's inputs and result path).</summary>
public class TaskEnvironmentNameCollisionTests
{
    [Fact]
    public Task Reported_for_appended_names_only() => VerifyPodTasks.AnalyzerAsync(VerifyPodTasks.Flow(
        """[PodTask("pod_spec.yaml", "primary", Environment = new[] { {|#0:"FLOWS__CONTEXT__FLOW_RUN_ID=fixed"|}, "FLOWS__CONTEXT__STAGE=dev", {|#1:"FLOWS__TASK__INPUTS={}"|} })]"""),
        SeedSpecs.SharedVolume,
        Verify.Diagnostic(DiagnosticDescriptors.TaskEnvironmentNameCollision).WithLocation(0).WithArguments("FLOWS__CONTEXT__FLOW_RUN_ID", "Wait"),
        Verify.Diagnostic(DiagnosticDescriptors.TaskEnvironmentNameCollision).WithLocation(1).WithArguments("FLOWS__TASK__INPUTS", "Wait"));
}
