using System.Threading.Tasks;
using Flows.Generators.Core;
using Flows.Generators.PodTasks;
using Microsoft.CodeAnalysis.Testing;

namespace Flows.Analyzers.Tests.Infrastructure;

/// <summary>
/// Short forms of <see cref="PodTaskAnalyzer"/> tests. The pod spec is an AdditionalFile named <see cref="PodSpecFile"/>
/// in the project folder; mark expected diagnostics in its YAML (or in the C#) with <c>{|#0:...|}</c>.
/// </summary>
internal static class VerifyPodTasks
{
    public const string PodSpecFile = "pod_spec.yaml";

    /// <summary>A flow whose task <c>Wait</c> carries <paramref name="attribute"/> (default: a sidecar task with primary "primary").</summary>
    public static string Flow(string attribute = "[PodTask(\"" + PodSpecFile + "\", \"primary\")]") => $$"""
        [Flow("Shared volume")]
        public static partial class SharedVolumeFlow
        {
            [FlowTask]
            {{attribute}}
            public static void Wait() { }
        }
        """;

    /// <summary>
    /// A flow with the container task <c>Greet</c> carrying <paramref name="attribute"/>. It has a body: the analyzer
    /// tests run without the generator, which implements the real, body-less partial method.
    /// </summary>
    public static string ContainerFlow(string attribute) => $$"""
        [Flow("Greeting")]
        public static partial class GreetingFlow
        {
            [FlowTask]
            {{attribute}}
            public static string Greet(string name) => name;
        }
        """;

    /// <summary>Checks <paramref name="podSpecYaml"/> as the pod spec of <see cref="Flow"/>'s sidecar task.</summary>
    public static Task PodSpecAsync(string podSpecYaml, params DiagnosticResult[] expected) =>
        AnalyzerAsync(Flow(), podSpecYaml, expected);

    /// <param name="source">C# without usings (<see cref="Verify.Usings"/> is prepended).</param>
    /// <param name="podSpecYaml">The text of <see cref="PodSpecFile"/>, or null to leave the file out.</param>
    public static Task AnalyzerAsync(string source, string? podSpecYaml, params DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync<PodTaskAnalyzer>([source], podSpecYaml is null ? [] : [(PodSpecFile, podSpecYaml)], expected);

    /// <summary>A sidecar task's attribute values, for calling <see cref="PodSpecChecker.Check"/> directly.</summary>
    public static PodTaskAttributeModel SidecarAttribute(string? podSpecFile = PodSpecFile, string? primary = "primary") => new(
        PodTaskModelKind.Sidecar, "Shared volume", "WaitForMessage", podSpecFile, primary, null, null, null,
        null, null, null, null, EquatableArray<string>.Empty, "App");
}
