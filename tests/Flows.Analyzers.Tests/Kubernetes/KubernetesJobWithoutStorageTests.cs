using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>FLOW037: a flow that runs as a Kubernetes Job needs [DockerStorage] for its image.</summary>
public class KubernetesJobWithoutStorageTests
{
    [Fact]
    public Task Reported_on_KubernetesJob_when_DockerStorage_is_missing() =>
        VerifyKubernetes.AnalyzerAsync(
            VerifyKubernetes.Flow("[{|#0:KubernetesJob(\"job_spec.yaml\")|}]"),
            SeedSpecs.ResourceLimits,
            Verify.Diagnostic(DiagnosticDescriptors.KubernetesJobWithoutStorage).WithLocation(0).WithArguments("Hello", "HelloFlow"));

    [Fact]
    public Task Reported_for_a_default_job_too() =>
        VerifyKubernetes.AnalyzerAsync(
            VerifyKubernetes.Flow("[{|#0:KubernetesJob|}]"),
            jobSpecYaml: null,
            Verify.Diagnostic(DiagnosticDescriptors.KubernetesJobWithoutStorage).WithLocation(0).WithArguments("Hello", "HelloFlow"));

    [Fact]
    public Task Not_reported_with_DockerStorage() =>
        VerifyKubernetes.AnalyzerAsync(VerifyKubernetes.Flow("[KubernetesJob]\n" + VerifyKubernetes.Storage), jobSpecYaml: null);
}
