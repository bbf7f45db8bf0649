using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>FLOW036: container names must be unique in a pod, init containers included.</summary>
public class DuplicateContainerNameTests
{
    [Fact]
    public Task Reported_at_the_second_container_with_the_name() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow
              - name: {|#0:flow|}
                image: busybox
        """,
        Verify.Diagnostic(DiagnosticDescriptors.DuplicateContainerName).WithLocation(0).WithArguments("job_spec.yaml", "flow"));

    [Fact]
    public Task Reported_at_the_init_container_that_has_the_name_of_a_container_as_the_API_server_does() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              initContainers:
              - name: {|#0:setup|}
                image: busybox
              containers:
              - name: setup
        """,
        Verify.Diagnostic(DiagnosticDescriptors.DuplicateContainerName).WithLocation(0).WithArguments("job_spec.yaml", "setup"));

    [Fact]
    public Task Reported_for_two_init_containers_with_one_name() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              initContainers:
              - name: setup
                image: busybox
              - name: {|#0:setup|}
                image: busybox
              containers:
              - name: flow
        """,
        Verify.Diagnostic(DiagnosticDescriptors.DuplicateContainerName).WithLocation(0).WithArguments("job_spec.yaml", "setup"));

    [Fact]
    public Task Not_reported_for_distinct_names() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              initContainers:
              - name: setup
                image: busybox
              containers:
              - name: flow
              - name: helper
                image: busybox
        """);
}
