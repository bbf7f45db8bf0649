using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>FLOW043: what the Pod Security Standards' baseline profile forbids, each at its YAML line with the Go check's ID.</summary>
public class InsecurePodSettingTests
{
    private static DiagnosticResult Baseline(int location, string detail, string check) =>
        Verify.Diagnostic(DiagnosticDescriptors.InsecurePodSetting).WithLocation(location).WithArguments("job_spec.yaml", detail, check);

    /// <summary>A job spec whose pod spec is <paramref name="podSpecLines"/> (indented as under spec.template.spec).</summary>
    private static string Job(string podSpecLines) => """
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never

        """ + podSpecLines;

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
        Baseline(0, "container 'flow-container' is privileged (securityContext.privileged: true): it has every capability and the node's devices", "privileged"));

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
                image: busybox:1.36
                securityContext:
                  privileged: {|#0:yes|}
              containers:
              - name: flow-container
        """,
        Baseline(0, "container 'setup' is privileged (securityContext.privileged: true): it has every capability and the node's devices", "privileged"));

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
        Baseline(0, "volume 'docker-socket' mounts the node's Docker socket (hostPath /var/run/docker.sock), which is root on the node", "hostPathVolumes"));

    [Fact]
    public Task Every_hostPath_is_reported_and_its_path_is_normalised_to_say_what_it_exposes() => VerifyKubernetes.JobSpecAsync(Job("""
              containers:
              - name: flow-container
              volumes:
              - name: dotdot
                hostPath:
                  path: {|#0:/var/run/../run/docker.sock|}
              - name: root
                hostPath:
                  path: {|#1:/|}
              - name: run
                hostPath:
                  path: {|#2:/var/run|}
              - name: trailing
                hostPath:
                  path: {|#3:/var/run/docker.sock/|}
              - name: doubled
                hostPath:
                  path: {|#4://var//run/docker.sock|}
              - name: data
                hostPath:
                  path: {|#5:/srv/data|}
              - name: up-to-root
                hostPath:
                  path: {|#6:/srv/../../..|}
        """),
        Baseline(0, "volume 'dotdot' mounts the node's Docker socket (hostPath /var/run/../run/docker.sock, that is /var/run/docker.sock), which is root on the node", "hostPathVolumes"),
        // The API server also refuses '..' in a hostPath.
        Verify.Diagnostic(DiagnosticDescriptors.SpecRejectedByApiServer).WithLocation(0)
            .WithArguments("Job spec 'job_spec.yaml'", "spec.template.spec.volumes[0].hostPath.path: Invalid value: \"/var/run/../run/docker.sock\": must not contain '..'", "Job"),
        Baseline(1, "volume 'root' mounts the node's whole file system (hostPath /)", "hostPathVolumes"),
        Baseline(2, "volume 'run' mounts the node's /var/run, which holds the node's Docker socket (hostPath /var/run), which is root on the node", "hostPathVolumes"),
        Baseline(3, "volume 'trailing' mounts the node's Docker socket (hostPath /var/run/docker.sock/, that is /var/run/docker.sock), which is root on the node", "hostPathVolumes"),
        Baseline(4, "volume 'doubled' mounts the node's Docker socket (hostPath //var//run/docker.sock, that is /var/run/docker.sock), which is root on the node", "hostPathVolumes"),
        Baseline(5, "volume 'data' mounts the node's file system at /srv/data (hostPath)", "hostPathVolumes"),
        Baseline(6, "volume 'up-to-root' mounts the node's whole file system (hostPath /srv/../../.., that is /)", "hostPathVolumes"),
        Verify.Diagnostic(DiagnosticDescriptors.SpecRejectedByApiServer).WithLocation(6)
            .WithArguments("Job spec 'job_spec.yaml'", "spec.template.spec.volumes[6].hostPath.path: Invalid value: \"/srv/../../..\": must not contain '..'", "Job"));

    [Fact]
    public Task Host_namespaces_are_reported_each_at_its_field() => VerifyKubernetes.JobSpecAsync(Job("""
              hostNetwork: {|#0:true|}
              hostPID: {|#1:true|}
              hostIPC: {|#2:true|}
              containers:
              - name: flow-container
        """),
        Baseline(0, "hostNetwork: true shares the node's network (its interfaces and every port on its loopback)", "hostNamespaces"),
        Baseline(1, "hostPID: true shares the node's process IDs (it sees and can signal every process of the node)", "hostNamespaces"),
        Baseline(2, "hostIPC: true shares the node's IPC namespace (its shared memory)", "hostNamespaces"));

    [Fact]
    public Task Added_capabilities_beyond_the_default_set_are_reported_and_default_ones_are_not() => VerifyKubernetes.JobSpecAsync(Job("""
              containers:
              - name: flow-container
                securityContext:
                  capabilities:
                    add: [NET_BIND_SERVICE, {|#0:NET_ADMIN|}, {|#1:SYS_ADMIN|}]
        """),
        Baseline(0, "container 'flow-container' adds the capability NET_ADMIN, which is not in the container runtime's default set", "capabilities_baseline"),
        Baseline(1, "container 'flow-container' adds the capability SYS_ADMIN, which is not in the container runtime's default set", "capabilities_baseline"));

    [Fact]
    public Task Host_ports_probe_hosts_sysctls_and_runtime_profiles_are_reported() => VerifyKubernetes.JobSpecAsync(Job("""
              securityContext:
                sysctls:
                - name: net.ipv4.tcp_keepalive_time
                  value: "60"
                - name: {|#0:kernel.msgmax|}
                  value: "65536"
                seccompProfile:
                  type: {|#1:Unconfined|}
                seLinuxOptions:
                  type: {|#2:spc_t|}
                  user: {|#3:system_u|}
              containers:
              - name: flow-container
                ports:
                - containerPort: 8080
                  hostPort: {|#4:8080|}
                livenessProbe:
                  httpGet:
                    host: {|#5:10.0.0.1|}
                    port: 8080
                securityContext:
                  procMount: {|#6:Unmasked|}
                  appArmorProfile:
                    type: {|#7:Unconfined|}
                  windowsOptions:
                    hostProcess: {|#8:true|}
        """),
        Baseline(0, "the sysctl 'kernel.msgmax' is not one of the safe, pod-isolated sysctls", "sysctls"),
        Baseline(1, "the pod sets securityContext.seccompProfile.type to 'Unconfined', which turns the system call filter off: use RuntimeDefault or Localhost", "seccompProfile_baseline"),
        Baseline(2, "the pod sets the SELinux type 'spc_t': only container_t, container_init_t, container_kvm_t and container_engine_t are allowed", "seLinuxOptions"),
        Baseline(3, "the pod sets the SELinux user 'system_u', which may not be set", "seLinuxOptions"),
        Baseline(4, "container 'flow-container' uses hostPort 8080, a port of the node itself", "hostPorts"),
        Baseline(5, "container 'flow-container' has a probe or lifecycle handler with host '10.0.0.1', which the kubelet connects to from the node: leave host out (the pod's IP)", "hostProbesAndHostLifecycle"),
        Baseline(6, "container 'flow-container' sets securityContext.procMount to 'Unmasked', which unmasks the node's /proc paths", "procMount"),
        Baseline(7, "container 'flow-container' sets securityContext.appArmorProfile.type to 'Unconfined': use RuntimeDefault or Localhost", "appArmorProfile"),
        Baseline(8, "container 'flow-container' sets securityContext.windowsOptions.hostProcess: true, which runs it as a process of the Windows node", "windowsHostProcess"));

    [Fact]
    public Task A_user_namespace_allows_any_procMount_at_baseline_but_not_at_restricted() => VerifyKubernetes.JobSpecAsync(Job("""
              hostUsers: false
              containers:
              - name: flow-container
                securityContext:
                  procMount: {|#0:Unmasked|}
        """),
        Verify.Diagnostic(DiagnosticDescriptors.RestrictedProfileViolation).WithLocation(0).WithArguments("Job spec 'job_spec.yaml'",
            "container 'flow-container' sets securityContext.procMount to 'Unmasked', which unmasks the node's /proc paths", "procMount_restricted"));

    [Fact]
    public Task Not_reported_for_an_unprivileged_pod_with_an_emptyDir() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              hostNetwork: false
              securityContext:
                seccompProfile:
                  type: RuntimeDefault
                seLinuxOptions:
                  type: container_t
                sysctls:
                - name: net.ipv4.ip_local_port_range
                  value: "1024 65535"
              containers:
              - name: flow-container
                ports:
                - containerPort: 8080
                securityContext:
                  privileged: false
                  allowPrivilegeEscalation: false
                  procMount: Default
                  capabilities:
                    add: [NET_BIND_SERVICE]
              volumes:
              - name: scratch
                emptyDir: {}
        """);
}
