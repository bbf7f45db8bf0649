using System.Linq;
using Flows.Generators.Kubernetes.Validation;
using Xunit;

namespace Flows.Generators.Tests.Kubernetes.Validation;

/// <summary>validateContainers, validateInitContainers, ports, volume mounts and devices, pull and termination message policies.</summary>
public sealed class ContainerValidationTests
{
    private const string Volumes = "volumes:\n- name: data\n  emptyDir: {}\n- name: claim\n  persistentVolumeClaim: {claimName: c}\n";

    /// <summary>A pod spec with one container "main" (image busybox:1) and <paramref name="fields"/> (lines of the container, at its indentation).</summary>
    internal static string Container(string fields) =>
        Volumes + "containers:\n- name: main\n  image: busybox:1\n" + string.Join("\n", fields.Split('\n').Select(l => "  " + l));

    [Theory]
    [InlineData("containers: []", "spec.containers", SpecErrorType.Required)]
    [InlineData("containers:\n- image: busybox:1", "spec.containers[0].name", SpecErrorType.Required)]
    [InlineData("containers:\n- name: Main\n  image: busybox:1", "spec.containers[0].name", SpecErrorType.Invalid)]
    [InlineData("containers:\n- name: main\n  image: busybox:1\n- name: main\n  image: busybox:1", "spec.containers[1].name", SpecErrorType.Duplicate)]
    [InlineData("containers:\n- name: main", "spec.containers[0].image", SpecErrorType.Required)]
    [InlineData("containers:\n- name: main\n  image: ''", "spec.containers[0].image", SpecErrorType.Required)]
    [InlineData("containers:\n- name: main\n  image: ' busybox:1'", "spec.containers[0].image", SpecErrorType.Invalid)]
    [InlineData("containers:\n- name: main\n  image: busybox:1\ninitContainers:\n- name: main\n  image: busybox:1", "spec.initContainers[0].name", SpecErrorType.Duplicate)]
    [InlineData("containers:\n- name: main\n  image: busybox:1\ninitContainers:\n- name: init\n  image: busybox:1\n- name: init\n  image: busybox:1", "spec.initContainers[1].name", SpecErrorType.Duplicate)]
    [InlineData("containers:\n- name: main\n  image: busybox:1\ninitContainers:\n- name: i\n  image: busybox:1\n  lifecycle: {preStop: {exec: {command: [x]}}}", "spec.initContainers[0].lifecycle", SpecErrorType.Invalid)]
    [InlineData("containers:\n- name: main\n  image: busybox:1\ninitContainers:\n- name: i\n  image: busybox:1\n  livenessProbe: {exec: {command: [x]}}", "spec.initContainers[0].livenessProbe", SpecErrorType.Invalid)]
    [InlineData("containers:\n- name: main\n  image: busybox:1\ninitContainers:\n- name: i\n  image: busybox:1\n  readinessProbe: {exec: {command: [x]}}", "spec.initContainers[0].readinessProbe", SpecErrorType.Invalid)]
    [InlineData("containers:\n- name: main\n  image: busybox:1\ninitContainers:\n- name: i\n  image: busybox:1\n  startupProbe: {exec: {command: [x]}}", "spec.initContainers[0].startupProbe", SpecErrorType.Invalid)]
    [InlineData("containers:\n- name: main\n  image: busybox:1\ninitContainers:\n- name: i", "spec.initContainers[0].image", SpecErrorType.Required)]
    public void Container_rules(string spec, string path, object type) =>
        SpecValidationKit.PodSpec(spec).Expect(path, (SpecErrorType)type);

    [Theory]
    [InlineData("containers:\n- image: busybox:1", SpecRule.ContainerNameMissing)]
    [InlineData("containers:\n- name: Main\n  image: busybox:1", SpecRule.ContainerNameInvalid)]
    [InlineData("containers:\n- name: a\n  image: busybox:1\n- name: a\n  image: busybox:1", SpecRule.ContainerNameDuplicate)]
    [InlineData("containers:\n- name: a", SpecRule.ImageMissing)]
    [InlineData("containers:\n- name: a\n  image: b\n  volumeMounts: [{name: nope, mountPath: /x}]", SpecRule.UndeclaredVolume)]
    public void Rules_with_flows_diagnostics_are_tagged(string spec, object rule)
    {
        var errors = SpecValidationKit.PodSpec(spec);
        Assert.Contains(errors.All, e => e.Rule == (SpecRule)rule);
    }

    [Fact]
    public void Messages_are_the_servers()
    {
        var errors = SpecValidationKit.PodSpec(Container("ports: [{containerPort: 70000}]"));
        Assert.Equal("spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive", Assert.Single(errors.Errors()));
    }

    [Fact]
    public void The_flows_container_needs_no_image_and_may_be_added()
    {
        SpecValidationKit.PodSpec("containers:\n- name: primary", new SpecOptions { FlowsContainer = "primary" }).AssertValid();
        SpecValidationKit.PodSpec("containers: []", new SpecOptions { FlowsContainer = "primary", FlowsAddsContainer = true }).AssertValid();
        SpecValidationKit.PodSpec("containers: []\ninitContainers:\n- name: primary\n  image: b", new SpecOptions { FlowsContainer = "primary", FlowsAddsContainer = true })
            .Single("spec.initContainers[0].name", SpecErrorType.Duplicate);
        // Another container still needs its image.
        SpecValidationKit.PodSpec("containers:\n- name: primary\n- name: side", new SpecOptions { FlowsContainer = "primary" })
            .Single("spec.containers[1].image", SpecErrorType.Required);
    }

    [Fact]
    public void Fields_flows_overwrites_in_a_pod_task_are_not_checked()
    {
        var options = new SpecOptions { FlowsContainer = "primary", OverwrittenFields = new[] { "image", "command", "args", "resources", "env", "terminationMessagePolicy" } };
        SpecValidationKit.PodSpec("containers:\n- name: primary\n  terminationMessagePolicy: Sometimes\n  env: [{name: '1x'}]\n  resources: {limits: {cpu: 1}, requests: {cpu: 2}}", options).AssertValid();
    }

    [Fact]
    public void A_job_template_is_checked_too()
    {
        var errors = SpecValidationKit.Job("""
            apiVersion: batch/v1
            kind: Job
            metadata: {name: j}
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: main
                    image: ' busybox'
                    imagePullPolicy: Sometimes
            """);
        errors.Single("spec.template.spec.containers[0].imagePullPolicy", SpecErrorType.NotSupported);
        // validateContainersOnlyForPod is for Pods only.
        Assert.DoesNotContain(errors.All, e => e.Path.ToString() == "spec.template.spec.containers[0].image");
    }

    [Theory]
    [InlineData("imagePullPolicy: Sometimes", "spec.containers[0].imagePullPolicy", SpecErrorType.NotSupported)]
    [InlineData("terminationMessagePolicy: Sometimes", "spec.containers[0].terminationMessagePolicy", SpecErrorType.Invalid)]
    [InlineData("ports: [{containerPort: 0}]", "spec.containers[0].ports[0].containerPort", SpecErrorType.Required)]
    [InlineData("ports: [{name: http}]", "spec.containers[0].ports[0].containerPort", SpecErrorType.Required)]
    [InlineData("ports: [{containerPort: 65536}]", "spec.containers[0].ports[0].containerPort", SpecErrorType.Invalid)]
    [InlineData("ports: [{containerPort: -1}]", "spec.containers[0].ports[0].containerPort", SpecErrorType.Invalid)]
    [InlineData("ports: [{containerPort: 80, hostPort: 70000}]", "spec.containers[0].ports[0].hostPort", SpecErrorType.Invalid)]
    [InlineData("ports: [{containerPort: 80, protocol: HTTP}]", "spec.containers[0].ports[0].protocol", SpecErrorType.NotSupported)]
    [InlineData("ports: [{containerPort: 80, protocol: tcp}]", "spec.containers[0].ports[0].protocol", SpecErrorType.NotSupported)]
    [InlineData("ports: [{containerPort: 80, name: HTTP}]", "spec.containers[0].ports[0].name", SpecErrorType.Invalid)]
    [InlineData("ports: [{containerPort: 80, name: a-very-long-port-name}]", "spec.containers[0].ports[0].name", SpecErrorType.Invalid)]
    [InlineData("ports: [{containerPort: 80, name: '123'}]", "spec.containers[0].ports[0].name", SpecErrorType.Invalid)]
    [InlineData("ports: [{containerPort: 80, name: web}, {containerPort: 81, name: web}]", "spec.containers[0].ports[1].name", SpecErrorType.Duplicate)]
    [InlineData("ports: [{containerPort: 80, hostPort: 8080}, {containerPort: 81, hostPort: 8080}]", "spec.containers[0].ports[1].hostPort", SpecErrorType.Duplicate)]
    [InlineData("ports: [{containerPort: 80, hostPort: 8080}, {containerPort: 81, hostPort: 8080, protocol: TCP}]", "spec.containers[0].ports[1].hostPort", SpecErrorType.Duplicate)]
    [InlineData("volumeMounts: [{name: nope, mountPath: /x}]", "spec.containers[0].volumeMounts[0].name", SpecErrorType.NotFound)]
    [InlineData("volumeMounts: [{mountPath: /x}]", "spec.containers[0].volumeMounts[0].name", SpecErrorType.Required)]
    [InlineData("volumeMounts: [{name: data}]", "spec.containers[0].volumeMounts[0].mountPath", SpecErrorType.Required)]
    [InlineData("volumeMounts: [{name: data, mountPath: /x}, {name: data, mountPath: /x}]", "spec.containers[0].volumeMounts[1].mountPath", SpecErrorType.Invalid)]
    [InlineData("volumeMounts: [{name: data, mountPath: /x, subPath: /abs}]", "spec.containers[0].volumeMounts.subPath", SpecErrorType.Invalid)]
    [InlineData("volumeMounts: [{name: data, mountPath: /x, subPath: a/../b}]", "spec.containers[0].volumeMounts.subPath", SpecErrorType.Invalid)]
    [InlineData("volumeMounts: [{name: data, mountPath: /x, subPathExpr: ../$(POD)}]", "spec.containers[0].volumeMounts.subPathExpr", SpecErrorType.Invalid)]
    [InlineData("volumeMounts: [{name: data, mountPath: /x, subPath: a, subPathExpr: b}]", "spec.containers[0].volumeMounts[0].subPathExpr", SpecErrorType.Invalid)]
    [InlineData("volumeMounts: [{name: data, mountPath: /x, mountPropagation: Shared}]", "spec.containers[0].volumeMounts.mountPropagation", SpecErrorType.NotSupported)]
    [InlineData("volumeMounts: [{name: data, mountPath: /x, mountPropagation: Bidirectional}]", "spec.containers[0].volumeMounts.mountPropagation", SpecErrorType.Forbidden)]
    [InlineData("volumeDevices: [{name: nope, devicePath: /dev/x}]", "spec.containers[0].volumeDevices[0].name", SpecErrorType.NotFound)]
    [InlineData("volumeDevices: [{name: data, devicePath: /dev/x}]", "spec.containers[0].volumeDevices[0].name", SpecErrorType.Invalid)]
    [InlineData("volumeDevices: [{devicePath: /dev/x}]", "spec.containers[0].volumeDevices[0].name", SpecErrorType.Required)]
    [InlineData("volumeDevices: [{name: claim}]", "spec.containers[0].volumeDevices[0].devicePath", SpecErrorType.Required)]
    [InlineData("volumeDevices: [{name: claim, devicePath: /dev/../x}]", "spec.containers[0].volumeDevices[0].devicePath", SpecErrorType.Invalid)]
    [InlineData("volumeDevices: [{name: claim, devicePath: /dev/x}, {name: claim, devicePath: /dev/y}]", "spec.containers[0].volumeDevices[1].name", SpecErrorType.Invalid)]
    public void Container_field_rules(string fields, string path, object type) =>
        SpecValidationKit.PodSpec(Container(fields)).Expect(path, (SpecErrorType)type);

    [Fact]
    public void A_volume_both_mounted_and_a_device_is_reported_on_both_sides()
    {
        var errors = SpecValidationKit.PodSpec(Container("volumeDevices: [{name: claim, devicePath: /x}]\nvolumeMounts: [{name: claim, mountPath: /x}]"));
        Assert.Equal(new[]
        {
            "spec.containers[0].volumeMounts[0].name: Invalid value: \"claim\": must not already exist in volumeDevices",
            "spec.containers[0].volumeMounts[0].mountPath: Invalid value: \"/x\": must not already exist as a path in volumeDevices",
            "spec.containers[0].volumeDevices[0].name: Invalid value: \"claim\": must not already exist in volumeMounts",
            "spec.containers[0].volumeDevices[0].devicePath: Invalid value: \"/x\": must not already exist as a path in volumeMounts",
        }, errors.Errors());
    }

    [Fact]
    public void Host_ports_clash_across_containers_but_not_across_init_containers()
    {
        SpecValidationKit.PodSpec("containers:\n- name: a\n  image: b\n  ports: [{containerPort: 80, hostPort: 80}]\n- name: c\n  image: b\n  ports: [{containerPort: 81, hostPort: 80}]")
            .Single("spec.containers[1].ports[0].hostPort", SpecErrorType.Duplicate);
        SpecValidationKit.PodSpec("containers:\n- name: main\n  image: b\ninitContainers:\n- name: a\n  image: b\n  ports: [{containerPort: 80, hostPort: 80}]\n- name: c\n  image: b\n  ports: [{containerPort: 81, hostPort: 80}]")
            .AssertValid();
        SpecValidationKit.PodSpec("hostNetwork: true\ncontainers:\n- name: a\n  image: b\n  ports: [{containerPort: 80}]\n- name: c\n  image: b\n  ports: [{containerPort: 80}]")
            .Single("spec.containers[1].ports[0].hostPort", SpecErrorType.Duplicate);
    }

    [Theory]
    [InlineData("ports: [{containerPort: 80}, {containerPort: 80, protocol: UDP}, {containerPort: 81, name: web, protocol: SCTP}]")]
    [InlineData("ports: [{containerPort: 80, hostPort: 8080}, {containerPort: 80, hostPort: 8080, protocol: UDP}, {containerPort: 81, hostPort: 8080, hostIP: 10.0.0.1}]")]
    [InlineData("ports: [{containerPort: 1, protocol: ''}, {containerPort: 65535, hostPort: 0}]")]
    [InlineData("imagePullPolicy: Always\nterminationMessagePolicy: FallbackToLogsOnError")]
    [InlineData("imagePullPolicy: IfNotPresent\nterminationMessagePolicy: File")]
    [InlineData("imagePullPolicy: Never\nterminationMessagePolicy: ''")]
    [InlineData("volumeMounts: [{name: data, mountPath: /x, subPath: a/b..c/d, mountPropagation: HostToContainer}, {name: data, mountPath: /y, subPathExpr: $(POD_NAME), mountPropagation: None}]")]
    [InlineData("volumeMounts: [{name: data, mountPath: /x, mountPropagation: Bidirectional}]\nsecurityContext: {privileged: true}")]
    [InlineData("volumeDevices: [{name: claim, devicePath: /dev/xvda}]\nvolumeMounts: [{name: data, mountPath: /data}]")]
    public void Valid_containers_stay_valid(string fields) =>
        SpecValidationKit.PodSpec(Container(fields)).AssertValid();

    [Fact]
    public void A_full_container_is_valid()
    {
        SpecValidationKit.PodSpec(Volumes + """
            initContainers:
            - name: init
              image: busybox:1
              command: [sh, -c, 'true']
            containers:
            - name: main
              image: registry.example.com:5000/team/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
              ports:
              - {name: http, containerPort: 8080, protocol: TCP}
              env:
              - {name: A, value: x}
              - name: POD
                valueFrom: {fieldRef: {fieldPath: metadata.name}}
              volumeMounts:
              - {name: data, mountPath: /data, readOnly: true}
              resources:
                limits: {cpu: '2', memory: 1Gi}
                requests: {cpu: 500m, memory: 512Mi}
              livenessProbe:
                httpGet: {path: /healthz, port: http}
              readinessProbe:
                tcpSocket: {port: 8080}
              startupProbe:
                exec: {command: [cat, /tmp/ready]}
                failureThreshold: 30
                periodSeconds: 10
              lifecycle:
                preStop: {exec: {command: [sleep, '5']}}
              securityContext:
                runAsUser: 1000
                runAsNonRoot: true
                allowPrivilegeEscalation: false
                capabilities: {drop: [ALL]}
            - name: side
              image: busybox:1
            """).AssertValid();
    }
}
