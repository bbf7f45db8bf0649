using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>FLOW046: registry_url/image_name:image_tag from [DockerStorage] is not a valid image reference.</summary>
public class InvalidImageReferenceTests
{
    private static Task VerifyStorage(string storage, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        VerifyKubernetes.AnalyzerAsync(VerifyKubernetes.Flow("[KubernetesJob]\n" + storage), jobSpecYaml: null, expected);

    [Fact]
    public Task Reported_on_DockerStorage_for_uppercase_letters() =>
        VerifyStorage("""[{|#0:DockerStorage(RegistryUrl = "gcr.io/dev", ImageName = "Flows/Hello", ImageTag = "0.1.0")|}]""",
            Verify.Diagnostic(DiagnosticDescriptors.InvalidImageReference).WithLocation(0).WithArguments("Hello", "gcr.io/dev/Flows/Hello:0.1.0",
                "'Flows' has uppercase letters, which image names do not allow: write 'flows'"));

    [Fact]
    public Task Reported_for_a_doubled_registry() =>
        VerifyStorage("""[{|#0:DockerStorage(RegistryUrl = "docker.io/", ImageName = "docker.io/flows", ImageTag = "1")|}]""",
            Verify.Diagnostic(DiagnosticDescriptors.InvalidImageReference).WithLocation(0).WithArguments("Hello", "docker.io/docker.io/flows:1",
                "the registry is written twice or a slash is doubled (e.g. RegistryUrl \"docker.io/\" and ImageName \"docker.io/x\"): write it once"));

    [Theory]
    [InlineData("-rc1")]
    [InlineData("caf\u00e9")]
    public Task Reported_for_a_tag_with_characters_outside_the_grammar(string tag) =>
        VerifyStorage($$"""[{|#0:DockerStorage(ImageName = "flows/hello", ImageTag = "{{tag}}")|}]""",
            Verify.Diagnostic(DiagnosticDescriptors.InvalidImageReference).WithLocation(0).WithArguments("Hello", "flows/hello:" + tag,
                $"the tag '{tag}' may only hold letters, digits, '_', '.' and '-' (at most 128, not starting with '.' or '-')"));

    [Fact]
    public Task Reported_for_an_empty_name() =>
        VerifyStorage("""[{|#0:DockerStorage(RegistryUrl = "gcr.io/dev")|}]""",
            Verify.Diagnostic(DiagnosticDescriptors.InvalidImageReference).WithLocation(0).WithArguments("Hello", "gcr.io/dev/",
                "a path component is empty"));

    [Theory]
    [InlineData("""RegistryUrl = "gcr.io/dev/", ImageName = "docker-on-k8s-flow", ImageTag = "0.1.0" """)]
    [InlineData("""RegistryUrl = "127.0.0.1:5000", ImageName = "flows/hello-flow", ImageTag = "0.1.0" """)]
    [InlineData("""RegistryUrl = "localhost:5000", ImageName = "flows__x/a.b", ImageTag = "v1_2-3.x" """)]
    public Task Not_reported_for_valid_references(string arguments) => VerifyStorage($"[DockerStorage({arguments})]");
}
