using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>FLOW077 and FLOW078: the port of the API server's validation, reported by the job spec analyzer at the YAML node.</summary>
public class ApiServerRuleTests
{
    [Fact]
    public Task A_rule_the_server_enforces_is_FLOW077_at_the_value() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          backoffLimit: {|#0:-1|}
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow
        """,
        Verify.Diagnostic(DiagnosticDescriptors.SpecRejectedByApiServer).WithLocation(0).WithArguments("Job spec 'job_spec.yaml'",
            "spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0", "Job"));

    [Fact]
    public Task A_field_the_server_drops_is_FLOW078_at_its_key_with_the_closest_name() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow
                {|#0:imagePulPolicy|}: Always
        """,
        Verify.Diagnostic(DiagnosticDescriptors.SpecFieldIgnored).WithLocation(0).WithArguments("Job spec 'job_spec.yaml'",
            "spec.template.spec.containers[0].imagePulPolicy: unknown field \"imagePulPolicy\" of Container; the API server drops it without a word, so it has no effect: did you mean 'imagePullPolicy'?"));

    [Fact]
    public Task A_flow_container_without_an_image_is_valid_since_Flows_sets_it() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow
        """);
}
