using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>FLOW035: a Job's pod template needs restartPolicy Never or OnFailure.</summary>
public class InvalidRestartPolicyTests
{
    [Fact]
    public Task Reported_at_restartPolicy_Always() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: {|#0:Always|}
              containers:
              - name: flow
        """,
        Verify.Diagnostic(DiagnosticDescriptors.InvalidRestartPolicy).WithLocation(0).WithArguments("job_spec.yaml", "spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\""));

    [Fact]
    public Task Reported_at_the_pod_spec_when_restartPolicy_is_missing() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              {|#0:|}containers:
              - name: flow
        """,
        Verify.Diagnostic(DiagnosticDescriptors.InvalidRestartPolicy).WithLocation(0)
            .WithArguments("job_spec.yaml", "spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\""));

    [Theory]
    [InlineData("Never")]
    [InlineData("OnFailure")]
    public Task Not_reported_for_Never_or_OnFailure(string policy) => VerifyKubernetes.JobSpecAsync($"""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: {policy}
              containers:
              - name: flow
        """);
}
