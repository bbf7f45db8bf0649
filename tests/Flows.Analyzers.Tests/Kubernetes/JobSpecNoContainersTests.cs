using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>FLOW033: the pod template has no container to run the flow in. (A YAML mapping or list is reported as an empty span at its start.)</summary>
public class JobSpecNoContainersTests
{
    [Fact]
    public Task Reported_at_an_empty_containers_list() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers: {|#0:|}[]
        """,
        Verify.Diagnostic(DiagnosticDescriptors.JobSpecNoContainers).WithLocation(0)
            .WithArguments("job_spec.yaml", "an empty spec.template.spec.containers list"));

    [Fact]
    public Task Reported_at_the_pod_spec_when_containers_is_missing() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              {|#0:|}restartPolicy: Never
        """,
        Verify.Diagnostic(DiagnosticDescriptors.JobSpecNoContainers).WithLocation(0)
            .WithArguments("job_spec.yaml", "no spec.template.spec.containers"));

    [Fact]
    public Task Reported_at_the_template_when_it_has_no_pod_spec() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            {|#0:|}metadata:
              labels:
                identifier: ""
        """,
        Verify.Diagnostic(DiagnosticDescriptors.JobSpecNoContainers).WithLocation(0)
            .WithArguments("job_spec.yaml", "no spec.template.spec.containers"),
        Verify.Diagnostic(DiagnosticDescriptors.InvalidRestartPolicy).WithLocation(0)
            .WithArguments("job_spec.yaml", "spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\""));

    [Fact]
    public Task Not_reported_for_one_container() => VerifyKubernetes.JobSpecAsync("""
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
