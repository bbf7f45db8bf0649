using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>FLOW043: a privileged container or the node's Docker socket, which Pod Security 'baseline' forbids.</summary>
public class InsecurePodSettingTests
{
    [Fact]
    public Task Reported_at_privileged_true() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow-container
                securityContext:
                  privileged: {|#0:true|}
        """,
        Verify.Diagnostic(DiagnosticDescriptors.InsecurePodSetting).WithLocation(0).WithArguments("job_spec.yaml", "container 'flow-container' is privileged"));

    [Fact]
    public Task Reported_at_privileged_yes_which_Kubernetes_reads_as_true() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              initContainers:
              - name: setup
                image: busybox
                securityContext:
                  privileged: {|#0:yes|}
              containers:
              - name: flow-container
        """,
        Verify.Diagnostic(DiagnosticDescriptors.InsecurePodSetting).WithLocation(0).WithArguments("job_spec.yaml", "container 'setup' is privileged"));

    [Fact]
    public Task Reported_at_a_hostPath_mount_of_the_Docker_socket() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow-container
                volumeMounts:
                - name: docker-socket
                  mountPath: /var/run/docker.sock
              volumes:
              - name: docker-socket
                hostPath:
                  path: {|#0:/var/run/docker.sock|}
        """,
        Verify.Diagnostic(DiagnosticDescriptors.InsecurePodSetting).WithLocation(0)
            .WithArguments("job_spec.yaml", "volume 'docker-socket' mounts the node's Docker socket (hostPath /var/run/docker.sock)"));

    [Fact]
    public Task Not_reported_for_an_unprivileged_pod_with_an_emptyDir() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow-container
                securityContext:
                  privileged: false
                  allowPrivilegeEscalation: false
              volumes:
              - name: scratch
                emptyDir: {}
        """);
}
