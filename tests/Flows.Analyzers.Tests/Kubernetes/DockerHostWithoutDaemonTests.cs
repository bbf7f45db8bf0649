using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>FLOW044: DOCKER_HOST points at a daemon on localhost, but no container of the pod runs one.</summary>
public class DockerHostWithoutDaemonTests
{
    [Fact]
    public Task Reported_at_the_value_when_the_pod_has_no_dind_sidecar() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow-container
                env:
                - name: DOCKER_HOST
                  value: {|#0:tcp://localhost:2375|}
        """,
        Verify.Diagnostic(DiagnosticDescriptors.DockerHostWithoutDaemon).WithLocation(0)
            .WithArguments("job_spec.yaml", "flow-container", "tcp://localhost:2375"));

    [Fact]
    public Task Not_reported_with_a_native_dind_sidecar() => VerifyKubernetes.JobSpecAsync("""
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
                env:
                - name: DOCKER_HOST
                  value: tcp://localhost:2375
        """);

    [Fact]
    public Task Not_reported_for_a_remote_daemon() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow-container
                env:
                - name: DOCKER_HOST
                  value: tcp://docker-builder.ci.svc:2376
        """);
}
