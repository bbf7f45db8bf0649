using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>FLOW064: fields of the task's own container that Flows replaces for every run; reported at the first one set.</summary>
public class PodPrimaryContainerFieldsOverwrittenTests
{
    private const string SidecarSource =
        "the image is the flow's, command and args run the task's body, resources and env come from [PodTask], and terminationMessagePolicy is File so its result can be read";

    [Fact]
    public Task Reported_for_the_primary_of_a_pod_task() => VerifyPodTasks.PodSpecAsync("""
        containers:
        - name: primary
          image: {|#0:python:3.12|}
          command: ["python"]
          args: []
          resources:
            limits:
              cpu: "1"
          env:
          - name: MODE
            value: batch
          terminationMessagePath: /tmp/result
          terminationMessagePolicy: FallbackToLogsOnError
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodPrimaryContainerFieldsOverwritten).WithLocation(0)
            .WithArguments("pod_spec.yaml", "image, command, resources, env, terminationMessagePolicy", "primary", "Wait", SidecarSource));

    [Fact]
    public Task Reported_for_a_container_named_task_in_a_container_task() => VerifyPodTasks.AnalyzerAsync(
        VerifyPodTasks.ContainerFlow("""[ContainerTask("busybox:1.36", PodSpecFile = "pod_spec.yaml")]"""), """
            containers:
            - name: task
              image: {|#0:alpine:3.20|}
              env:
              - name: MODE
                value: batch
            """,
        Verify.Diagnostic(DiagnosticDescriptors.PodPrimaryContainerFieldsOverwritten).WithLocation(0)
            .WithArguments("pod_spec.yaml", "image, env", "task", "Greet", "the image, command, args, resources and env come from [ContainerTask]"));

    [Fact]
    public Task Not_reported_for_a_primary_with_empty_fields_and_its_own_settings() => VerifyPodTasks.PodSpecAsync("""
        containers:
        - name: primary
          image: ""
          command: []
          env: []
          resources: {}
          terminationMessagePath: /tmp/result
          workingDir: /data
          volumeMounts:
          - name: shared-data
            mountPath: /data
        volumes:
        - name: shared-data
          emptyDir: {}
        """);
}
