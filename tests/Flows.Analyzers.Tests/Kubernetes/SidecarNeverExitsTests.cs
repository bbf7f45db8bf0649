using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>FLOW045: a regular sidecar container that runs a server keeps the Job's pod running after the flow ends.</summary>
public class SidecarNeverExitsTests
{
    [Fact]
    public Task Reported_at_the_name_of_a_server_sidecar() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow-container
              - name: {|#0:cache|}
                image: redis:7
        """,
        Verify.Diagnostic(DiagnosticDescriptors.SidecarNeverExits).WithLocation(0).WithArguments("job_spec.yaml", "cache", "image 'redis:7' runs a server"));

    [Fact]
    public Task Reported_for_a_sidecar_that_sleeps_forever() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow-container
              - name: {|#0:debug|}
                image: busybox
                command: ["sleep", "infinity"]
        """,
        Verify.Diagnostic(DiagnosticDescriptors.SidecarNeverExits).WithLocation(0).WithArguments("job_spec.yaml", "debug", "its command runs 'sleep infinity'"));

    [Fact]
    public Task Not_reported_for_a_native_sidecar_in_initContainers() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              initContainers:
              - name: dind-daemon
                image: docker:27-dind
                restartPolicy: Always
              containers:
              - name: flow-container
        """);

    [Fact]
    public Task Not_reported_for_a_helper_that_exits() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow-container
              - name: warmup
                image: busybox
                command: ["sh", "-c", "echo warm"]
        """);
}
