using Flows.Generators.Kubernetes.Validation;
using Xunit;

namespace Flows.Generators.Tests.Kubernetes.Validation;

/// <summary>ValidateSecurityContext, ValidatePodSecurityContext, validateHostNetwork, validateSysctls, validateSeccompProfileField, validateWindowsSecurityContextOptions.</summary>
public sealed class SecurityContextValidationTests
{
    private const string S = "spec.containers[0].securityContext";

    [Theory]
    [InlineData("securityContext: {runAsUser: -1}", S + ".runAsUser", SpecErrorType.Invalid)]
    [InlineData("securityContext: {runAsUser: 2147483648}", S + ".runAsUser", SpecErrorType.Invalid)]
    [InlineData("securityContext: {runAsGroup: -1}", S + ".runAsGroup", SpecErrorType.Invalid)]
    [InlineData("securityContext: {privileged: true, allowPrivilegeEscalation: false}", S, SpecErrorType.Invalid)]
    [InlineData("securityContext: {allowPrivilegeEscalation: false, capabilities: {add: [CAP_SYS_ADMIN]}}", S, SpecErrorType.Invalid)]
    [InlineData("securityContext: {seccompProfile: {}}", S + ".seccompProfile.type", SpecErrorType.Required)]
    [InlineData("securityContext: {seccompProfile: {type: Default}}", S + ".seccompProfile.type", SpecErrorType.NotSupported)]
    [InlineData("securityContext: {seccompProfile: {type: Localhost}}", S + ".seccompProfile.localhostProfile", SpecErrorType.Required)]
    [InlineData("securityContext: {seccompProfile: {type: Localhost, localhostProfile: /etc/p.json}}", S + ".seccompProfile.localhostProfile", SpecErrorType.Invalid)]
    [InlineData("securityContext: {seccompProfile: {type: Localhost, localhostProfile: ../p.json}}", S + ".seccompProfile.localhostProfile", SpecErrorType.Invalid)]
    [InlineData("securityContext: {seccompProfile: {type: RuntimeDefault, localhostProfile: p.json}}", S + ".seccompProfile.localhostProfile", SpecErrorType.Invalid)]
    [InlineData("securityContext: {windowsOptions: {gmsaCredentialSpecName: Bad_Name}}", S + ".windowsOptions.gmsaCredentialSpecName", SpecErrorType.Invalid)]
    [InlineData("securityContext: {windowsOptions: {gmsaCredentialSpec: ''}}", S + ".windowsOptions.gmsaCredentialSpec", SpecErrorType.Invalid)]
    [InlineData("securityContext: {windowsOptions: {runAsUserName: ''}}", S + ".windowsOptions.runAsUserName", SpecErrorType.Invalid)]
    [InlineData("securityContext: {windowsOptions: {runAsUserName: 'a\\b\\c'}}", S + ".windowsOptions.runAsUserName", SpecErrorType.Invalid)]
    [InlineData("securityContext: {windowsOptions: {runAsUserName: \"a\\tb\"}}", S + ".windowsOptions.runAsUserName", SpecErrorType.Invalid)]
    [InlineData("securityContext: {windowsOptions: {runAsUserName: 'dom\\'}}", S + ".windowsOptions.runAsUserName", SpecErrorType.Invalid)]
    [InlineData("securityContext: {windowsOptions: {runAsUserName: '...'}}", S + ".windowsOptions.runAsUserName", SpecErrorType.Invalid)]
    [InlineData("securityContext: {windowsOptions: {runAsUserName: 'us:er'}}", S + ".windowsOptions.runAsUserName", SpecErrorType.Invalid)]
    [InlineData("securityContext: {windowsOptions: {runAsUserName: '.dom*\\user'}}", S + ".windowsOptions.runAsUserName", SpecErrorType.Invalid)]
    public void Container_security_context_rules(string fields, string path, object type) =>
        SpecValidationKit.PodSpec(ContainerValidationTests.Container(fields)).Expect(path, (SpecErrorType)type);

    [Theory]
    [InlineData("securityContext: {fsGroup: -1}", "spec.securityContext.fsGroup", SpecErrorType.Invalid)]
    [InlineData("securityContext: {runAsUser: -1}", "spec.securityContext.runAsUser", SpecErrorType.Invalid)]
    [InlineData("securityContext: {runAsGroup: 2147483648}", "spec.securityContext.runAsGroup", SpecErrorType.Invalid)]
    [InlineData("securityContext: {supplementalGroups: [1, -2]}", "spec.securityContext.supplementalGroups[1]", SpecErrorType.Invalid)]
    [InlineData("shareProcessNamespace: true\nhostPID: true", "spec.securityContext.shareProcessNamespace", SpecErrorType.Invalid)]
    [InlineData("securityContext: {sysctls: [{value: '1'}]}", "spec.securityContext.sysctls[0].name", SpecErrorType.Required)]
    [InlineData("securityContext: {sysctls: [{name: Net.Core, value: '1'}]}", "spec.securityContext.sysctls[0].name", SpecErrorType.Invalid)]
    [InlineData("securityContext: {sysctls: [{name: net..core, value: '1'}]}", "spec.securityContext.sysctls[0].name", SpecErrorType.Invalid)]
    [InlineData("securityContext: {sysctls: [{name: kernel.shm_rmid_forced, value: '1'}, {name: kernel.shm_rmid_forced, value: '0'}]}", "spec.securityContext.sysctls[1].name", SpecErrorType.Duplicate)]
    [InlineData("securityContext: {fsGroupChangePolicy: Never}", "spec.securityContext.fsGroupChangePolicy", SpecErrorType.NotSupported)]
    [InlineData("securityContext: {seccompProfile: {type: unconfined}}", "spec.securityContext.seccompProfile.type", SpecErrorType.NotSupported)]
    [InlineData("securityContext: {windowsOptions: {runAsUserName: ''}}", "spec.securityContext.windowsOptions.runAsUserName", SpecErrorType.Invalid)]
    [InlineData("hostNetwork: true\ncontainers:\n- name: main\n  image: b\n  ports: [{containerPort: 80, hostPort: 8080}]", "spec.containers[0].ports[0].containerPort", SpecErrorType.Invalid)]
    public void Pod_security_context_rules(string spec, string path, object type)
    {
        var full = spec.Contains("containers:") ? spec : "containers:\n- name: main\n  image: busybox:1\n" + spec;
        SpecValidationKit.PodSpec(full).Expect(path, (SpecErrorType)type);
    }

    [Theory]
    [InlineData("securityContext: {runAsUser: 0, runAsGroup: 2147483647, privileged: true, allowPrivilegeEscalation: true, capabilities: {add: [CAP_SYS_ADMIN, NET_ADMIN]}}")]
    [InlineData("securityContext: {allowPrivilegeEscalation: false, privileged: false, capabilities: {add: [NET_BIND_SERVICE], drop: [ALL]}, readOnlyRootFilesystem: true}")]
    [InlineData("securityContext: {procMount: Whatever, seLinuxOptions: {level: 's0:c123,c456'}}")]
    [InlineData("securityContext: {seccompProfile: {type: Localhost, localhostProfile: profiles/audit.json}}")]
    [InlineData("securityContext: {seccompProfile: {type: RuntimeDefault}}")]
    [InlineData("securityContext: {seccompProfile: {type: Unconfined}}")]
    [InlineData("securityContext: {windowsOptions: {gmsaCredentialSpecName: gmsa-webapp1, gmsaCredentialSpec: '{}', runAsUserName: 'NT AUTHORITY\\NETWORK SERVICE'}}")]
    [InlineData("securityContext: {windowsOptions: {runAsUserName: ContainerUser}}")]
    [InlineData("securityContext: {windowsOptions: {runAsUserName: 'example.com\\user'}}")]
    public void Valid_container_security_contexts_stay_valid(string fields) =>
        SpecValidationKit.PodSpec(ContainerValidationTests.Container(fields)).AssertValid();

    [Theory]
    [InlineData("securityContext: {fsGroup: 0, runAsUser: 1000, runAsGroup: 3000, runAsNonRoot: true, supplementalGroups: [0, 4000], fsGroupChangePolicy: OnRootMismatch}")]
    [InlineData("securityContext: {fsGroupChangePolicy: Always, sysctls: [{name: kernel.shm_rmid_forced, value: '0'}, {name: net.core.somaxconn, value: '1024'}, {name: net.ipv4.conf.eth0.forwarding, value: '1'}]}")]
    [InlineData("securityContext: {}\nshareProcessNamespace: true")]
    [InlineData("hostPID: true\nshareProcessNamespace: false")]
    [InlineData("hostNetwork: true\ncontainers:\n- name: main\n  image: b\n  ports: [{containerPort: 80}, {containerPort: 81, hostPort: 81}]")]
    [InlineData("securityContext: {seccompProfile: {type: RuntimeDefault}, windowsOptions: {runAsUserName: user}}")]
    public void Valid_pod_security_contexts_stay_valid(string spec)
    {
        var full = spec.Contains("containers:") ? spec : "containers:\n- name: main\n  image: busybox:1\n" + spec;
        SpecValidationKit.PodSpec(full).AssertValid();
    }
}
