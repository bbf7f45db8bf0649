using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Security;

/// <summary>FLOW085: an image written with the tag ':latest' (and no digest), in a spec or on an attribute.</summary>
public class ExplicitLatestImageTagTests
{
    [Fact]
    public Task Reported_at_a_job_spec_image_but_not_for_the_flow_container_a_version_or_a_digest() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              initContainers:
              - name: pinned
                image: busybox:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
              - name: versioned
                image: localhost:5000/busybox:1.36
              containers:
              - name: flow-container
              - name: helper
                image: {|#0:localhost:5000/tools:latest|}
                command: ["true"]
        """,
        Verify.Diagnostic(DiagnosticDescriptors.ExplicitLatestImageTag).WithLocation(0)
            .WithArguments("Job spec 'job_spec.yaml': container 'helper'", "localhost:5000/tools:latest"));

    [Fact]
    public Task Reported_on_DockerStorage_with_ImageTag_latest() => VerifyKubernetes.AnalyzerAsync(
        VerifyKubernetes.Flow("[KubernetesJob]\n[{|#0:DockerStorage(RegistryUrl = \"localhost:5000\", ImageName = \"flows/hello\", ImageTag = \"latest\")|}]"),
        jobSpecYaml: null,
        Verify.Diagnostic(DiagnosticDescriptors.ExplicitLatestImageTag).WithLocation(0).WithArguments("Flow 'Hello'", "localhost:5000/flows/hello:latest"));

    [Fact]
    public Task Reported_at_a_pod_spec_image() => VerifyPodTasks.PodSpecAsync("""
        containers:
        - name: primary
        - name: sidecar
          image: {|#0:busybox:latest|}
        """,
        Verify.Diagnostic(DiagnosticDescriptors.ExplicitLatestImageTag).WithLocation(0).WithArguments("Pod spec 'pod_spec.yaml': container 'sidecar'", "busybox:latest"));

    [Fact]
    public Task Reported_at_the_image_argument_of_a_container_task() => VerifyPodTasks.AnalyzerAsync(
        VerifyPodTasks.ContainerFlow("""[ContainerTask({|#0:"localhost:5000/busybox:latest"|})]"""), null,
        Verify.Diagnostic(DiagnosticDescriptors.ExplicitLatestImageTag).WithLocation(0).WithArguments("[ContainerTask] on task 'Greet'", "localhost:5000/busybox:latest"));

    [Fact]
    public Task Not_reported_for_a_tag_that_only_contains_latest() => VerifyPodTasks.AnalyzerAsync(
        VerifyPodTasks.ContainerFlow("""[ContainerTask("localhost:5000/latest:latest-2024")]"""), null);
}
