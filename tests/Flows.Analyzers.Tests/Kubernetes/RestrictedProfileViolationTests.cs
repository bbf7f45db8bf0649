using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>
/// FLOW082: a value the job spec writes that the restricted profile forbids. A field the spec leaves out is not reported:
/// Flows fills in the restricted defaults there.
/// </summary>
public class RestrictedProfileViolationTests
{
    private static DiagnosticResult Restricted(int location, string detail, string check) =>
        Verify.Diagnostic(DiagnosticDescriptors.RestrictedProfileViolation).WithLocation(location).WithArguments("Job spec 'job_spec.yaml'", detail, check);

    private static string Job(string podSpecLines) => """
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never

        """ + podSpecLines;

    [Fact]
    public Task Root_users_and_runAsNonRoot_false_are_reported_on_the_pod_and_on_containers() => VerifyKubernetes.JobSpecAsync(Job("""
              securityContext:
                runAsUser: {|#0:0|}
                runAsNonRoot: {|#1:false|}
              initContainers:
              - name: setup
                image: busybox:1.36
                securityContext:
                  runAsUser: {|#2:0|}
                  runAsNonRoot: {|#3:false|}
              containers:
              - name: flow-container
        """),
        Restricted(0, "the pod sets securityContext.runAsUser: 0 (root): use a non-zero user ID", "runAsUser"),
        Restricted(1, "the pod sets securityContext.runAsNonRoot: false, so its containers may run as root: remove it or set it to true (with a non-zero runAsUser if the image's user is root)", "runAsNonRoot"),
        Restricted(2, "container 'setup' sets securityContext.runAsUser: 0 (root): use a non-zero user ID", "runAsUser"),
        Restricted(3, "container 'setup' sets securityContext.runAsNonRoot: false, so its containers may run as root: remove it or set it to true (with a non-zero runAsUser if the image's user is root)", "runAsNonRoot"));

    [Fact]
    public Task Privilege_escalation_capabilities_and_volume_types_are_reported() => VerifyKubernetes.JobSpecAsync(Job("""
              containers:
              - name: flow-container
                securityContext:
                  allowPrivilegeEscalation: {|#0:true|}
                  capabilities:
                    {|#1:drop|}: [NET_RAW, NET_ADMIN]
                    add: [NET_BIND_SERVICE, {|#2:CHOWN|}]
              volumes:
              - name: shared
                {|#3:nfs|}:
                  server: nfs.example.com
                  path: /exports
        """),
        Restricted(0, "container 'flow-container' sets securityContext.allowPrivilegeEscalation: true, so a setuid program can gain privileges: set it to false", "allowPrivilegeEscalation"),
        Restricted(1, "container 'flow-container' drops some capabilities but not ALL: write securityContext.capabilities.drop: [\"ALL\"] (and add back only NET_BIND_SERVICE)", "capabilities_restricted"),
        Restricted(2, "container 'flow-container' adds the capability CHOWN: the restricted profile allows adding only NET_BIND_SERVICE", "capabilities_restricted"),
        Restricted(3, "volume 'shared' is a nfs volume: the restricted profile allows only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret volumes", "restrictedVolumes"));

    [Fact]
    public Task What_baseline_forbids_already_gets_only_the_baseline_warning() => VerifyKubernetes.JobSpecAsync(Job("""
              containers:
              - name: flow-container
                securityContext:
                  seccompProfile:
                    type: {|#0:Unconfined|}
                  capabilities:
                    add: [{|#1:SYS_ADMIN|}]
              volumes:
              - name: host
                hostPath:
                  path: {|#2:/srv|}
        """),
        Verify.Diagnostic(DiagnosticDescriptors.InsecurePodSetting).WithLocation(0).WithArguments("job_spec.yaml",
            "container 'flow-container' sets securityContext.seccompProfile.type to 'Unconfined', which turns the system call filter off: use RuntimeDefault or Localhost", "seccompProfile_baseline"),
        Verify.Diagnostic(DiagnosticDescriptors.InsecurePodSetting).WithLocation(1).WithArguments("job_spec.yaml",
            "container 'flow-container' adds the capability SYS_ADMIN, which is not in the container runtime's default set", "capabilities_baseline"),
        Verify.Diagnostic(DiagnosticDescriptors.InsecurePodSetting).WithLocation(2).WithArguments("job_spec.yaml",
            "volume 'host' mounts the node's file system at /srv (hostPath)", "hostPathVolumes"));

    [Fact]
    public Task A_user_namespace_allows_root_at_restricted() => VerifyKubernetes.JobSpecAsync(Job("""
              hostUsers: false
              securityContext:
                runAsUser: 0
                runAsNonRoot: false
              containers:
              - name: flow-container
        """));

    [Fact]
    public Task A_spec_that_is_silent_on_security_gets_nothing_since_Flows_fills_in_the_defaults() => VerifyKubernetes.JobSpecAsync(Job("""
              containers:
              - name: flow-container
              - name: helper
                image: busybox:1.36
                command: ["true"]
              volumes:
              - name: scratch
                emptyDir: {}
              - name: config
                configMap:
                  name: settings
        """));

    [Fact]
    public Task A_spec_that_sets_the_restricted_values_gets_nothing() => VerifyKubernetes.JobSpecAsync(Job("""
              securityContext:
                runAsNonRoot: true
                runAsUser: 1000
                seccompProfile:
                  type: RuntimeDefault
              containers:
              - name: flow-container
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities:
                    drop: [ALL]
                    add: [NET_BIND_SERVICE]
        """));
}
