using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>FLOW047: the image has no tag, so every build overwrites ':latest'.</summary>
public class MissingImageTagTests
{
    [Fact]
    public Task Reported_on_DockerStorage_without_ImageTag() =>
        VerifyKubernetes.AnalyzerAsync(
            VerifyKubernetes.Flow("[KubernetesJob]\n[{|#0:DockerStorage(RegistryUrl = \"joshmeek18\", ImageName = \"flows\")|}]"),
            jobSpecYaml: null,
            Verify.Diagnostic(DiagnosticDescriptors.MissingImageTag).WithLocation(0).WithArguments("Hello", "joshmeek18/flows"));

    [Fact]
    public Task Not_reported_when_the_image_name_carries_the_tag() =>
        VerifyKubernetes.AnalyzerAsync(VerifyKubernetes.Flow("[KubernetesJob]\n[DockerStorage(RegistryUrl = \"localhost:5000\", ImageName = \"flows:0.1.0\")]"), jobSpecYaml: null);
}
