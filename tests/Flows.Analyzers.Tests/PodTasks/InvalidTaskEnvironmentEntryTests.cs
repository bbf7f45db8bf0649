using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>FLOW073: an Environment entry is not NAME=value with a name Kubernetes accepts; reported at the entry.</summary>
public class InvalidTaskEnvironmentEntryTests
{
    [Fact]
    public Task Reported_at_each_bad_entry() => VerifyPodTasks.AnalyzerAsync(VerifyPodTasks.Flow(
        """[PodTask("pod_spec.yaml", "primary", Environment = new[] { "MODE=batch", {|#0:"VERBOSE"|}, {|#1:"1ST=x"|}, {|#2:"=x"|} })]"""), SeedSpecs.SharedVolume,
        Verify.Diagnostic(DiagnosticDescriptors.InvalidTaskEnvironmentEntry).WithLocation(0).WithArguments("VERBOSE", "Wait", "has no '='"),
        Verify.Diagnostic(DiagnosticDescriptors.InvalidTaskEnvironmentEntry).WithLocation(1).WithArguments("1ST=x", "Wait", "has the name '1ST', which Kubernetes does not accept"),
        Verify.Diagnostic(DiagnosticDescriptors.InvalidTaskEnvironmentEntry).WithLocation(2).WithArguments("=x", "Wait", "has no name before '='"));

    [Fact]
    public Task Reported_in_a_collection_expression() => VerifyPodTasks.AnalyzerAsync(VerifyPodTasks.ContainerFlow(
        """[ContainerTask("busybox:1.36", Environment = ["GREETING=hi", {|#0:"MY VAR=x"|}])]"""), null,
        Verify.Diagnostic(DiagnosticDescriptors.InvalidTaskEnvironmentEntry).WithLocation(0).WithArguments("MY VAR=x", "Greet", "has the name 'MY VAR', which Kubernetes does not accept"));
}
