using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>FLOW061: the pod spec is not valid YAML; reported where the parser stopped.</summary>
public class PodSpecYamlSyntaxErrorTests
{
    [Fact]
    public Task Reported_at_a_duplicate_key() => VerifyPodTasks.PodSpecAsync("""
        containers: []
        {|#0:containers|}: []
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodSpecYamlSyntaxError).WithLocation(0).WithArguments("pod_spec.yaml", "Duplicate key containers"));

    [Fact]
    public Task Reported_at_the_end_of_a_file_that_ends_inside_a_flow_sequence() => VerifyPodTasks.PodSpecAsync("""
        containers: [{name: primary}
        volumes:{|#0:|}
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodSpecYamlSyntaxError).WithLocation(0)
            .WithArguments("pod_spec.yaml", "the file ends inside an unfinished value: is a '[', '{' or quote not closed?"));
}
