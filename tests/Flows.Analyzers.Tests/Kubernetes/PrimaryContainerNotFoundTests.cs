using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>FLOW048: PrimaryContainer names a container the job spec does not have.</summary>
public class PrimaryContainerNotFoundTests
{
    private const string TwoContainers = """
        apiVersion: batch/v1
        kind: Job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: first-name
                image: busybox
                command: ["sh", "-c", "echo hi"]
              - name: second-name
                image: ""
        """;

    [Fact]
    public Task Reported_on_KubernetesJob_with_the_names_there_are() =>
        VerifyKubernetes.AnalyzerAsync(
            VerifyKubernetes.Flow("[{|#0:KubernetesJob(\"job_spec.yaml\", PrimaryContainer = \"second\")|}]\n" + VerifyKubernetes.Storage),
            TwoContainers,
            Verify.Diagnostic(DiagnosticDescriptors.PrimaryContainerNotFound).WithLocation(0).WithArguments("job_spec.yaml", "second", "first-name, second-name"));

    [Fact]
    public Task Reported_for_a_default_job_whose_container_is_flow() =>
        VerifyKubernetes.AnalyzerAsync(
            VerifyKubernetes.Flow("[{|#0:KubernetesJob(PrimaryContainer = \"runner\")|}]\n" + VerifyKubernetes.Storage),
            jobSpecYaml: null,
            Verify.Diagnostic(DiagnosticDescriptors.PrimaryContainerNotFound).WithLocation(0).WithArguments("(default job)", "runner", "flow"));

    [Fact]
    public Task Not_reported_when_the_container_exists() =>
        VerifyKubernetes.AnalyzerAsync(
            VerifyKubernetes.Flow("[KubernetesJob(\"job_spec.yaml\", PrimaryContainer = \"second-name\")]\n" + VerifyKubernetes.Storage),
            TwoContainers);
}
