using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;

namespace Flows.Analyzers.Tests.Infrastructure;

/// <summary>
/// Short forms of <see cref="KubernetesJobAnalyzer"/> tests. The job spec is an AdditionalFile named
/// <see cref="JobSpecFile"/> in the project folder; mark expected diagnostics in its YAML with
/// <c>{|FLOW038:...|}</c> or <c>{|#0:...|}</c>, exactly as in C# sources, to assert the YAML line and column span.
/// </summary>
internal static class VerifyKubernetes
{
    public const string JobSpecFile = "job_spec.yaml";

    public const string Storage = """[DockerStorage(RegistryUrl = "gcr.io/dev", ImageName = "flows/hello", ImageTag = "0.1.0")]""";

    /// <summary>A flow class with <paramref name="attributes"/> (default: the job spec file and a valid Docker storage).</summary>
    public static string Flow(string attributes = "[KubernetesJob(\"" + JobSpecFile + "\")]\n" + Storage) => $$"""
        [Flow("Hello")]
        {{attributes}}
        public static partial class HelloFlow
        {
            [FlowTask]
            public static string GetValue() => "Example!";
        }
        """;

    /// <summary>Checks <paramref name="jobSpecYaml"/> as the job spec of <see cref="Flow"/>'s default flow.</summary>
    public static Task JobSpecAsync(string jobSpecYaml, params DiagnosticResult[] expected) =>
        AnalyzerAsync(Flow(), jobSpecYaml, expected);

    /// <param name="source">C# without usings (<see cref="Verify.Usings"/> is prepended).</param>
    /// <param name="jobSpecYaml">The text of <see cref="JobSpecFile"/>, or null to leave the file out.</param>
    public static Task AnalyzerAsync(string source, string? jobSpecYaml, params DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync<KubernetesJobAnalyzer>([source], jobSpecYaml is null ? [] : [(JobSpecFile, jobSpecYaml)], expected);
}
