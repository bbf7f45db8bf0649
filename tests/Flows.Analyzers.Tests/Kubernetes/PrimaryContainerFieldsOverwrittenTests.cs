using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>FLOW040: the flow container's image, command and args are replaced for every run. (A YAML list is reported as an empty span at its start.)</summary>
public class PrimaryContainerFieldsOverwrittenTests
{
    [Fact]
    public Task Reported_at_the_first_field_that_is_set() => VerifyKubernetes.JobSpecAsync("""
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow-container
                image: {|#0:python:3.12|}
                command: ["python"]
                args: []
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PrimaryContainerFieldsOverwritten).WithLocation(0)
            .WithArguments("job_spec.yaml", "image, command", "flow-container"));

    [Fact]
    public Task Reported_for_the_named_primary_container_only() =>
        VerifyKubernetes.AnalyzerAsync(VerifyKubernetes.Flow("[KubernetesJob(\"job_spec.yaml\", PrimaryContainer = \"runner\")]\n" + VerifyKubernetes.Storage), """
            apiVersion: batch/v1
            kind: Job
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: setup-helper
                    image: busybox
                    command: ["sh", "-c", "echo ready"]
                  - name: runner
                    image: ""
                    args: {|#0:|}["--verbose"]
            """,
            Verify.Diagnostic(DiagnosticDescriptors.PrimaryContainerFieldsOverwritten).WithLocation(0)
                .WithArguments("job_spec.yaml", "args", "runner"));

    [Fact]
    public Task Not_reported_for_empty_image_command_and_args() => VerifyKubernetes.JobSpecAsync(SeedSpecs.ResourceLimits);
}
