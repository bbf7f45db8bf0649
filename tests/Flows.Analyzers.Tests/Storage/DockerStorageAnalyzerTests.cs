using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Flows.Analyzers.Tests.Storage;

/// <summary>FLOW049, and FLOW046/FLOW047 for a flow with [DockerStorage] but no [KubernetesJob].</summary>
public class DockerStorageAnalyzerTests
{
    private static Task AnalyzeAsync(string storageAttribute, params DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync<DockerStorageAnalyzer>(
            [$$"""
                [Flow("Etl")]
                {{storageAttribute}}
                public static partial class EtlFlow
                {
                    [FlowTask] public static void Load() { }
                }
                """],
            [],
            expected);

    [Fact]
    public Task FLOW049_for_an_environment_variable_without_a_value() => AnalyzeAsync(
        """[{|#0:DockerStorage(ImageName = "flows/etl", ImageTag = "1", EnvironmentVariables = new[] { "MODE" })|}]""",
        Verify.Diagnostic(DiagnosticDescriptors.InvalidDockerStorageEntry).WithLocation(0).WithArguments("Etl", "EnvironmentVariables entry 'MODE' must be NAME=value"));

    [Fact]
    public Task FLOW049_for_a_file_with_a_relative_destination() => AnalyzeAsync(
        """[{|#0:DockerStorage(ImageName = "flows/etl", ImageTag = "1", Files = new[] { "config.json:app/config.json" })|}]""",
        Verify.Diagnostic(DiagnosticDescriptors.InvalidDockerStorageEntry).WithLocation(0)
            .WithArguments("Etl", "Files entry 'config.json:app/config.json': the destination must be an absolute path in the image"));

    [Fact]
    public Task No_diagnostic_for_well_formed_entries() => AnalyzeAsync(
        """[DockerStorage(RegistryUrl = "127.0.0.1:5000", ImageName = "flows/etl", ImageTag = "1", EnvironmentVariables = new[] { "MODE=batch", "EMPTY=" }, Files = new[] { "config.json:/etc/etl/config.json" })]""");

    [Fact]
    public Task FLOW046_without_a_KubernetesJob() => AnalyzeAsync(
        """[{|#0:DockerStorage(ImageName = "Flows/Etl", ImageTag = "1")|}]""",
        Verify.Diagnostic(DiagnosticDescriptors.InvalidImageReference).WithLocation(0)
            .WithArguments("Etl", "Flows/Etl:1", "'Flows' has uppercase letters, which image names do not allow: write 'flows'"));

    [Fact]
    public Task FLOW047_is_information_without_a_KubernetesJob() => AnalyzeAsync(
        """[{|#0:DockerStorage(RegistryUrl = "127.0.0.1:5000", ImageName = "flows/etl")|}]""",
        Verify.Diagnostic(DiagnosticDescriptors.MissingImageTag).WithLocation(0).WithArguments("Etl", "127.0.0.1:5000/flows/etl"));

    [Fact]
    public Task Image_checks_are_left_to_the_Kubernetes_analyzer_when_the_flow_has_a_job() => AnalyzeAsync(
        """
        [KubernetesJob]
        [DockerStorage(ImageName = "Flows/Etl")]
        """);
}
