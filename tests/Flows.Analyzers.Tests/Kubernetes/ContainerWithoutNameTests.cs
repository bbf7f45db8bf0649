using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>FLOW034: a container has no name.</summary>
public class ContainerWithoutNameTests
{
    [Fact]
    public Task Reported_at_the_first_container_when_it_has_no_name() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - {|#0:|}image: ""
                command: []
        """,
        Verify.Diagnostic(DiagnosticDescriptors.ContainerWithoutName).WithLocation(0)
            .WithArguments("0 (the first, which runs the flow unless PrimaryContainer names another)", "job_spec.yaml"));

    [Fact]
    public Task Reported_at_an_empty_name() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow
              - name: {|#0:""|}
                image: busybox
        """,
        Verify.Diagnostic(DiagnosticDescriptors.ContainerWithoutName).WithLocation(0).WithArguments("1", "job_spec.yaml"));

    [Fact]
    public Task Reported_at_a_container_that_is_not_a_mapping_without_crashing() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - {|#0:flow|}
        """,
        Verify.Diagnostic(DiagnosticDescriptors.ContainerWithoutName).WithLocation(0)
            .WithArguments("0 (the first, which runs the flow unless PrimaryContainer names another)", "job_spec.yaml"));

    // The check before the port looked at containers only; the API server requires init containers' names too.
    [Fact]
    public Task Reported_at_an_init_container_without_name() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              initContainers:
              - {|#0:|}image: busybox
              containers:
              - name: flow
        """,
        Verify.Diagnostic(DiagnosticDescriptors.ContainerWithoutName).WithLocation(0).WithArguments("0 of initContainers", "job_spec.yaml"));

    [Fact]
    public Task Not_reported_when_every_container_has_a_name() => VerifyKubernetes.JobSpecAsync(SeedSpecs.ResourceLimits);
}
