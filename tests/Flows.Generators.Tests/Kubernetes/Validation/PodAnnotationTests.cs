using Flows.Generators.Kubernetes.Validation;
using Xunit;

namespace Flows.Generators.Tests.Kubernetes.Validation;

/// <summary>ValidatePodSpecificAnnotations (mirror pod, seccomp, AppArmor), validateSeccompAnnotationsAndFields, and the template's paths.</summary>
public sealed class PodAnnotationTests
{
    private static SpecErrors Pod(string annotation, string spec = "containers: [{name: main, image: busybox:1}]", SpecOptions? options = null) =>
        SpecValidationKit.Pod("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    " + annotation + "\nspec:\n  " + spec.Replace("\n", "\n  ") + "\n", options);

    [Theory]
    [InlineData("kubernetes.io/config.mirror: abc", "metadata.annotations[kubernetes.io/config.mirror]", SpecErrorType.Invalid)]
    [InlineData("seccomp.security.alpha.kubernetes.io/pod: strict", "metadata.annotations.seccomp.security.alpha.kubernetes.io/pod", SpecErrorType.Invalid)]
    [InlineData("seccomp.security.alpha.kubernetes.io/pod: localhost//etc/p.json", "metadata.annotations.seccomp.security.alpha.kubernetes.io/pod", SpecErrorType.Invalid)]
    [InlineData("seccomp.security.alpha.kubernetes.io/pod: localhost/../p.json", "metadata.annotations.seccomp.security.alpha.kubernetes.io/pod", SpecErrorType.Invalid)]
    [InlineData("container.seccomp.security.alpha.kubernetes.io/main: \"\"", "metadata.annotations.container.seccomp.security.alpha.kubernetes.io/main", SpecErrorType.Invalid)]
    [InlineData("container.apparmor.security.beta.kubernetes.io/other: runtime/default", "metadata.annotations[container.apparmor.security.beta.kubernetes.io/other]", SpecErrorType.Invalid)]
    [InlineData("container.apparmor.security.beta.kubernetes.io/main: strict", "metadata.annotations[container.apparmor.security.beta.kubernetes.io/main]", SpecErrorType.Invalid)]
    public void Invalid_pod_annotations_are_errors(string annotation, string path, object type)
    {
        Pod(annotation).Single(path, (SpecErrorType)type);
    }

    [Theory]
    [InlineData("kubernetes.io/config.mirror: abc", "nodeName: node-1\ncontainers: [{name: main, image: busybox:1}]")]
    [InlineData("seccomp.security.alpha.kubernetes.io/pod: runtime/default")]
    [InlineData("seccomp.security.alpha.kubernetes.io/pod: docker/default")]
    [InlineData("seccomp.security.alpha.kubernetes.io/pod: unconfined")]
    [InlineData("seccomp.security.alpha.kubernetes.io/pod: localhost/profiles/audit.json")]
    [InlineData("container.seccomp.security.alpha.kubernetes.io/main: runtime/default")]
    [InlineData("container.apparmor.security.beta.kubernetes.io/main: localhost/k8s-apparmor-example")]
    [InlineData("container.apparmor.security.beta.kubernetes.io/main: unconfined")]
    [InlineData("container.apparmor.security.beta.kubernetes.io/init: runtime/default", "initContainers: [{name: init, image: busybox:1}]\ncontainers: [{name: main, image: busybox:1}]")]
    [InlineData("example.com/anything: value")]
    public void Valid_pod_annotations_stay_valid(string annotation, string spec = "containers: [{name: main, image: busybox:1}]")
    {
        Pod(annotation, spec).AssertValid();
    }

    [Fact]
    public void An_app_armor_annotation_for_the_container_flows_adds_is_valid()
    {
        Pod("container.apparmor.security.beta.kubernetes.io/flow: runtime/default", "containers: []",
            new SpecOptions { FlowsContainer = "flow", FlowsAddsContainer = true }).AssertValid();
    }

    [Theory]
    [InlineData("seccomp.security.alpha.kubernetes.io/pod: runtime/default", "securityContext: {seccompProfile: {type: Unconfined}}", "spec.securityContext.seccompProfile.type")]
    [InlineData("seccomp.security.alpha.kubernetes.io/pod: unconfined", "securityContext: {seccompProfile: {type: RuntimeDefault}}", "spec.securityContext.seccompProfile.type")]
    [InlineData("seccomp.security.alpha.kubernetes.io/pod: runtime/default", "securityContext: {seccompProfile: {type: Localhost, localhostProfile: a.json}}", "spec.securityContext.seccompProfile.type")]
    [InlineData("seccomp.security.alpha.kubernetes.io/pod: localhost/b.json", "securityContext: {seccompProfile: {type: Localhost, localhostProfile: a.json}}", "spec.securityContext.seccompProfile.localhostProfile")]
    [InlineData("container.seccomp.security.alpha.kubernetes.io/main: unconfined", "containers: [{name: main, image: busybox:1, securityContext: {seccompProfile: {type: RuntimeDefault}}}]", "spec.containers[0].securityContext.seccompProfile.type")]
    public void Seccomp_annotation_and_field_must_match(string annotation, string spec, string path)
    {
        if (!spec.StartsWith("containers"))
        {
            spec += "\ncontainers: [{name: main, image: busybox:1}]";
        }
        Pod(annotation, spec).Single(path, SpecErrorType.Forbidden);
    }

    [Theory]
    [InlineData("seccomp.security.alpha.kubernetes.io/pod: docker/default", "securityContext: {seccompProfile: {type: RuntimeDefault}}\ncontainers: [{name: main, image: busybox:1}]")]
    [InlineData("seccomp.security.alpha.kubernetes.io/pod: localhost/a.json", "securityContext: {seccompProfile: {type: Localhost, localhostProfile: a.json}}\ncontainers: [{name: main, image: busybox:1}]")]
    [InlineData("container.seccomp.security.alpha.kubernetes.io/other: unconfined", "containers: [{name: main, image: busybox:1, securityContext: {seccompProfile: {type: RuntimeDefault}}}, {name: other, image: busybox:1}]")]
    public void Matching_seccomp_annotation_and_field_stay_valid(string annotation, string spec)
    {
        Pod(annotation, spec).AssertValid();
    }

    [Fact]
    public void A_templates_annotations_and_labels_are_reported_at_the_servers_paths()
    {
        var errors = JobTests.Job("containers: [{name: main, image: busybox:1}]",
            "{labels: {\"a b\": x}, annotations: {seccomp.security.alpha.kubernetes.io/pod: strict, container.apparmor.security.beta.kubernetes.io/nope: runtime/default}}");
        errors.Single("spec.template.annotations.seccomp.security.alpha.kubernetes.io/pod", SpecErrorType.Invalid);
        errors.Single("spec.template.annotations[container.apparmor.security.beta.kubernetes.io/nope]", SpecErrorType.Invalid);
        Assert.Contains(errors.All, e => e.Path.ToString() == "spec.template.labels" && e.Rule == SpecRule.Label);
    }

    [Fact]
    public void A_valid_job_template_stays_valid()
    {
        JobTests.Job("containers: [{name: main, image: busybox:1}]\ntolerations: [{operator: Exists}]\naffinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: kubernetes.io/hostname}]}}",
            "{labels: {app: web}, annotations: {container.apparmor.security.beta.kubernetes.io/main: runtime/default}}").AssertValid();
    }
}
