using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>FLOW063: [PodTask]'s primary container name is missing or not a DNS-1123 label; reported at the argument.</summary>
public class InvalidPrimaryContainerNameTests
{
    [Fact]
    public Task Reported_for_an_empty_name() => VerifyPodTasks.AnalyzerAsync(
        VerifyPodTasks.Flow("""[PodTask("pod_spec.yaml", {|#0:" "|})]"""), SeedSpecs.SharedVolume,
        Verify.Diagnostic(DiagnosticDescriptors.InvalidPrimaryContainerName).WithLocation(0).WithArguments("Wait", "is missing"));

    [Fact]
    public Task Reported_for_a_null_name() => VerifyPodTasks.AnalyzerAsync(
        VerifyPodTasks.Flow("""[PodTask("pod_spec.yaml", {|#0:null!|})]"""), SeedSpecs.SharedVolume,
        Verify.Diagnostic(DiagnosticDescriptors.InvalidPrimaryContainerName).WithLocation(0).WithArguments("Wait", "is missing"));

    [Fact]
    public Task Reported_for_a_name_that_is_not_a_DNS_label() => VerifyPodTasks.AnalyzerAsync(
        VerifyPodTasks.Flow("""[PodTask("pod_spec.yaml", {|#0:"Main_Container"|})]"""), "restartPolicy: Never\n",
        Verify.Diagnostic(DiagnosticDescriptors.InvalidPrimaryContainerName).WithLocation(0)
            .WithArguments("Wait", "'Main_Container' must consist of lowercase letters, digits and '-', and start and end with a letter or digit"));

    [Fact]
    public Task Not_reported_for_a_primary_the_spec_lacks_since_Flows_adds_it() => VerifyPodTasks.AnalyzerAsync(
        VerifyPodTasks.Flow("""[PodTask("pod_spec.yaml", "runner")]"""), "restartPolicy: Never\n");
}
