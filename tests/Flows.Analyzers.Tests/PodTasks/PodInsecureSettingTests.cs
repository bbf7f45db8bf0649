using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>FLOW075: a privileged container (the primary's securityContext is kept, so it counts too) or a Docker socket mount.</summary>
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
        Verify.Diagnostic(DiagnosticDescriptors.PodInsecureSetting).WithLocation(0).WithArguments("pod_spec.yaml", "container 'primary' is privileged"),
        Verify.Diagnostic(DiagnosticDescriptors.PodInsecureSetting).WithLocation(1).WithArguments("pod_spec.yaml", "container 'dind' is privileged"),
        Verify.Diagnostic(DiagnosticDescriptors.PodInsecureSetting).WithLocation(2)
            .WithArguments("pod_spec.yaml", "volume 'docker-socket' mounts the node's Docker socket (hostPath /var/run/docker.sock)"));
}
