using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>FLOW031: the job spec is not valid YAML; reported where the parser stopped.</summary>
public class JobSpecYamlSyntaxErrorTests
{
    [Fact]
    public Task Reported_at_a_duplicate_key() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        {|#0:kind|}: Job
        """,
        Verify.Diagnostic(DiagnosticDescriptors.JobSpecYamlSyntaxError).WithLocation(0).WithArguments("job_spec.yaml", "Duplicate key kind"));

    [Fact]
    public Task Reported_at_a_mapping_where_a_value_was_expected() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: a
            labels{|#0:|}: x
        """,
        Verify.Diagnostic(DiagnosticDescriptors.JobSpecYamlSyntaxError).WithLocation(0)
            .WithArguments("job_spec.yaml", "While scanning a plain scalar value, found invalid mapping."));

    [Fact]
    public Task Reported_at_the_end_of_a_file_that_ends_inside_a_flow_sequence() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: [Job
        metadata:{|#0:|}
        """,
        Verify.Diagnostic(DiagnosticDescriptors.JobSpecYamlSyntaxError).WithLocation(0)
            .WithArguments("job_spec.yaml", "the file ends inside an unfinished value: is a '[', '{' or quote not closed?"));

    [Fact]
    public Task Not_reported_for_valid_yaml() => VerifyKubernetes.JobSpecAsync(SeedJobSpecs.ResourceLimits);
}
