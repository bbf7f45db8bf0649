using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>FLOW075: what the Pod Security Standards' baseline profile forbids in a pod spec (the primary's securityContext is kept, so it counts too); FLOW082 for restricted.</summary>
public class PodInsecureSettingTests
{
    [Fact]
    public Task Reported_for_privileged_containers_and_the_docker_socket() => VerifyPodTasks.PodSpecAsync("""
        containers:
        - name: primary
          securityContext:
            privileged: {|#0:true|}
        - name: dind
          image: docker:27-dind
          securityContext:
            privileged: {|#1:yes|}
          volumeMounts:
          - name: docker-socket
            mountPath: /var/run/docker.sock
        volumes:
        - name: docker-socket
          hostPath:
            path: {|#2:/var/run/docker.sock|}
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodInsecureSetting).WithLocation(0).WithArguments("pod_spec.yaml", "container 'primary' is privileged (securityContext.privileged: true): it has every capability and the node's devices", "privileged"),
        Verify.Diagnostic(DiagnosticDescriptors.PodInsecureSetting).WithLocation(1).WithArguments("pod_spec.yaml", "container 'dind' is privileged (securityContext.privileged: true): it has every capability and the node's devices", "privileged"),
        Verify.Diagnostic(DiagnosticDescriptors.PodInsecureSetting).WithLocation(2)
            .WithArguments("pod_spec.yaml", "volume 'docker-socket' mounts the node's Docker socket (hostPath /var/run/docker.sock), which is root on the node", "hostPathVolumes"));

    [Fact]
    public Task A_Pod_with_host_namespaces_and_a_forbidden_annotation_is_reported_and_its_restricted_values_too() => VerifyPodTasks.PodSpecAsync("""
        apiVersion: v1
        kind: Pod
        metadata:
          annotations:
            container.apparmor.security.beta.kubernetes.io/primary: {|#0:unconfined|}
        spec:
          hostPID: {|#1:true|}
          securityContext:
            runAsUser: {|#2:0|}
          containers:
          - name: primary
          - name: helper
            image: busybox:1.36
            securityContext:
              capabilities:
                add: [{|#3:NET_RAW|}]
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodInsecureSetting).WithLocation(0)
            .WithArguments("pod_spec.yaml", "the annotation container.apparmor.security.beta.kubernetes.io/primary sets the AppArmor profile 'unconfined': use runtime/default or localhost/<profile>", "appArmorProfile"),
        Verify.Diagnostic(DiagnosticDescriptors.PodInsecureSetting).WithLocation(1)
            .WithArguments("pod_spec.yaml", "hostPID: true shares the node's process IDs (it sees and can signal every process of the node)", "hostNamespaces"),
        Verify.Diagnostic(DiagnosticDescriptors.RestrictedProfileViolation).WithLocation(2)
            .WithArguments("Pod spec 'pod_spec.yaml'", "the pod sets securityContext.runAsUser: 0 (root): use a non-zero user ID", "runAsUser"),
        Verify.Diagnostic(DiagnosticDescriptors.PodInsecureSetting).WithLocation(3)
            .WithArguments("pod_spec.yaml", "container 'helper' adds the capability NET_RAW, which is not in the container runtime's default set", "capabilities_baseline"));

    [Fact]
    public Task A_pod_spec_silent_on_security_gets_nothing() => VerifyPodTasks.PodSpecAsync("""
        containers:
        - name: primary
        - name: helper
          image: busybox:1.36
          command: ["sleep", "5"]
        """);
}
