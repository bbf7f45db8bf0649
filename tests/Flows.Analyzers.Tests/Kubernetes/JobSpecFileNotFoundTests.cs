using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>FLOW030: [KubernetesJob("...")] names a file that is not an AdditionalFile of the project.</summary>
public class JobSpecFileNotFoundTests
{
    [Fact]
    public Task Reported_on_the_attribute_when_the_file_is_missing() =>
        VerifyKubernetes.AnalyzerAsync(
            VerifyKubernetes.Flow("[{|#0:KubernetesJob(\"job_spec.yaml\")|}]\n" + VerifyKubernetes.Storage),
            jobSpecYaml: null,
            Verify.Diagnostic(DiagnosticDescriptors.JobSpecFileNotFound).WithLocation(0).WithArguments("job_spec.yaml", "Hello"));

    [Fact]
    public Task Reported_when_the_path_is_not_relative_to_the_project_folder() =>
        VerifyKubernetes.AnalyzerAsync(
            VerifyKubernetes.Flow("[{|#0:KubernetesJob(\"k8s/job_spec.yaml\")|}]\n" + VerifyKubernetes.Storage),
            SeedSpecs.ResourceLimits,
            Verify.Diagnostic(DiagnosticDescriptors.JobSpecFileNotFound).WithLocation(0).WithArguments("k8s/job_spec.yaml", "Hello"));

    [Fact]
    public Task Not_reported_when_the_file_is_an_AdditionalFile() =>
        VerifyKubernetes.AnalyzerAsync(VerifyKubernetes.Flow("[KubernetesJob(\"./job_spec.yaml\")]\n" + VerifyKubernetes.Storage), SeedSpecs.ResourceLimits);
}
