using System.Linq;
using Flows.Generators.Kubernetes.Validation;
using Xunit;

namespace Flows.Generators.Tests.Kubernetes.Validation;

/// <summary>ValidatePodSpec's own checks (PodValidation), on a Pod whose spec has one valid container plus the snippet.</summary>
public sealed class PodSpecRulesTests
{
    internal static SpecErrors Spec(string extra, SpecOptions? options = null) =>
        SpecValidationKit.PodSpec("containers:\n- name: main\n  image: busybox:1\n" + extra, options);

    [Theory]
    [InlineData("restartPolicy: Sometimes", "spec.restartPolicy", SpecErrorType.NotSupported)]
    [InlineData("nodeSelector: {\"-bad\": x}", "spec.nodeSelector", SpecErrorType.Invalid)]
    [InlineData("nodeSelector: {disk: \"not ok\"}", "spec.nodeSelector", SpecErrorType.Invalid)]
    [InlineData("readinessGates: [{conditionType: \"bad/key/x\"}]", "spec.readinessGates[0].conditionType", SpecErrorType.Invalid)]
    [InlineData("readinessGates: [{conditionType: \"a b\"}]", "spec.readinessGates[0].conditionType", SpecErrorType.Invalid)]
    [InlineData("serviceAccountName: Robot", "spec.serviceAccountName", SpecErrorType.Invalid)]
    [InlineData("nodeName: node_1", "spec.nodeName", SpecErrorType.Invalid)]
    [InlineData("activeDeadlineSeconds: 0", "spec.activeDeadlineSeconds", SpecErrorType.Invalid)]
    [InlineData("activeDeadlineSeconds: -5", "spec.activeDeadlineSeconds", SpecErrorType.Invalid)]
    [InlineData("activeDeadlineSeconds: 2147483648", "spec.activeDeadlineSeconds", SpecErrorType.Invalid)]
    [InlineData("priorityClassName: High", "spec.priorityClassName", SpecErrorType.Invalid)]
    [InlineData("runtimeClassName: \"\"", "spec.runtimeClassName", SpecErrorType.Invalid)]
    [InlineData("runtimeClassName: gVisor", "spec.runtimeClassName", SpecErrorType.Invalid)]
    [InlineData("preemptionPolicy: Always", "spec.preemptionPolicy", SpecErrorType.NotSupported)]
    [InlineData("preemptionPolicy: \"\"", "spec.preemptionPolicy", SpecErrorType.Required)]
    [InlineData("shareProcessNamespace: true\nhostPID: true", "spec.securityContext.shareProcessNamespace", SpecErrorType.Invalid)]
    public void Invalid_pod_spec_fields_are_errors(string extra, string path, object type)
    {
        Spec(extra).Single(path, (SpecErrorType)type);
    }

    [Theory]
    [InlineData("")]
    [InlineData("restartPolicy: Always")]
    [InlineData("restartPolicy: OnFailure")]
    [InlineData("restartPolicy: Never")]
    [InlineData("restartPolicy: \"\"")]
    [InlineData("nodeSelector: {kubernetes.io/os: linux, disk: \"\"}")]
    [InlineData("readinessGates: [{conditionType: example.com/ready}]")]
    [InlineData("serviceAccountName: robot.sa-1")]
    [InlineData("serviceAccountName: \"\"")]
    [InlineData("nodeName: ip-10-0-0-1.ec2.internal")]
    [InlineData("activeDeadlineSeconds: 1")]
    [InlineData("activeDeadlineSeconds: 2147483647")]
    [InlineData("priorityClassName: system-node-critical")]
    [InlineData("runtimeClassName: gvisor")]
    [InlineData("preemptionPolicy: Never")]
    [InlineData("preemptionPolicy: PreemptLowerPriority")]
    [InlineData("shareProcessNamespace: true")]
    [InlineData("hostPID: true\nshareProcessNamespace: false")]
    [InlineData("terminationGracePeriodSeconds: 0")]
    [InlineData("schedulerName: my-scheduler")]
    [InlineData("setHostnameAsFQDN: true\nhostname: web")]
    [InlineData("imagePullSecrets: [{name: registry}]")]
    [InlineData("enableServiceLinks: false")]
    public void Valid_pod_spec_fields_stay_valid(string extra)
    {
        Spec(extra).AssertValid();
    }

    [Fact]
    public void The_restart_policy_error_has_the_flows_rule()
    {
        var error = Spec("restartPolicy: Sometimes").Single("spec.restartPolicy", SpecErrorType.NotSupported);
        Assert.Equal(SpecRule.RestartPolicy, error.Rule);
        Assert.Contains("supported values: \"Always\", \"OnFailure\", \"Never\"", error.Message);
    }

    [Fact]
    public void Active_deadline_message_is_the_servers()
    {
        var error = Spec("activeDeadlineSeconds: 0").Single("spec.activeDeadlineSeconds", SpecErrorType.Invalid);
        Assert.Equal("spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive", error.Message);
    }

    [Fact]
    public void Share_process_namespace_with_host_pid_is_reported_at_the_servers_path_and_the_field()
    {
        var error = Spec("hostPID: true\nshareProcessNamespace: true").Single("spec.securityContext.shareProcessNamespace", SpecErrorType.Invalid);
        Assert.Equal("spec.securityContext.shareProcessNamespace: Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled", error.Message);
        Assert.Equal(10, error.Node!.Start.Line);
    }

    [Fact]
    public void Wrong_typed_annotation_values_are_left_to_the_schema_check()
    {
        var errors = SpecValidationKit.Pod("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: 5\nspec:\n  containers: [{name: main, image: busybox:1}]\n");
        Assert.DoesNotContain(errors.All, e => e.Type != SpecErrorType.TypeInvalid);
    }

    [Theory]
    [InlineData("{containerPort: 80, hostPort: 8080}", true)]
    [InlineData("{containerPort: 80, hostPort: 80}", false)]
    [InlineData("{containerPort: 80}", false)]
    [InlineData("{containerPort: 80, hostPort: 0}", false)]
    public void With_host_network_the_host_port_must_equal_the_container_port(string port, bool invalid)
    {
        var errors = SpecValidationKit.PodSpec("hostNetwork: true\ncontainers:\n- name: main\n  image: busybox:1\n  ports: [" + port + "]");
        if (invalid)
        {
            var error = errors.Single("spec.containers[0].ports[0].containerPort", SpecErrorType.Invalid);
            Assert.Contains("must match `hostPort` when `hostNetwork` is true", error.Message);
        }
        else
        {
            errors.AssertValid();
        }
    }

    [Fact]
    public void Without_host_network_the_ports_may_differ()
    {
        SpecValidationKit.PodSpec("containers:\n- name: main\n  image: busybox:1\n  ports: [{containerPort: 80, hostPort: 8080}]").AssertValid();
    }

    [Fact]
    public void A_pod_image_with_whitespace_is_an_error_but_not_in_a_template_or_the_flows_container()
    {
        SpecValidationKit.PodSpec("containers:\n- name: main\n  image: \" busybox:1\"").Single("spec.containers[0].image", SpecErrorType.Invalid);
        SpecValidationKit.PodSpec("initContainers:\n- name: init\n  image: \"busybox:1 \"\ncontainers:\n- name: main\n  image: busybox:1")
            .Single("spec.initContainers[0].image", SpecErrorType.Invalid);
        Assert.DoesNotContain(SpecValidationKit.PodSpec("containers:\n- name: main\n  image: \" busybox:1\"", new SpecOptions { FlowsContainer = "main" }).All,
            e => e.Path.ToString() == "spec.containers[0].image");
        Assert.DoesNotContain(JobTests.Job("containers:\n- name: main\n  image: \" busybox:1\"").All, e => e.Path.ToString().EndsWith(".image"));
    }

    [Fact]
    public void Ephemeral_containers_are_dropped_with_a_warning()
    {
        var errors = Spec("ephemeralContainers: [{name: debug, image: busybox:1}]");
        Assert.False(errors.HasErrors);
        var warning = errors.Single("spec.ephemeralContainers", SpecErrorType.UnknownField);
        Assert.True(warning.IsWarning);
        var job = JobTests.Job("containers: [{name: main, image: busybox:1}]\nephemeralContainers: [{name: debug, image: busybox:1}]");
        Assert.False(job.HasErrors);
        job.Single("spec.template.spec.ephemeralContainers", SpecErrorType.UnknownField);
    }

    [Fact]
    public void A_pod_task_restart_policy_defaults_to_never()
    {
        SpecValidationKit.PodSpec("containers: [{name: main, image: busybox:1}]", new SpecOptions { FlowsDefaultsRestartPolicyToNever = true }).AssertValid();
    }
}

/// <summary>A Job around a pod spec, for the template rules.</summary>
internal static class JobTests
{
    public static SpecErrors Job(string podSpec, string templateMetadata = "{}")
    {
        var indented = string.Join("\n", podSpec.Replace("\r", "").Split('\n').Select(line => "      " + line));
        return SpecValidationKit.Job("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    metadata: " + templateMetadata
            + "\n    spec:\n      restartPolicy: Never\n" + indented + "\n");
    }
}
