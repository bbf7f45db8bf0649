using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.PodTaskDeclarations;

/// <summary>FLOW050: a pod task's input or result has a type that cannot cross into the pod as JSON.</summary>
public class PodTaskDataNotSerializableTests
{
    [Fact]
    public Task Reported_on_the_input_parameter_and_on_the_method_for_the_result() => PodTaskDeclarationVerify.AnalyzerAsync("""
        [Flow("Measure")]
        [DockerStorage(ImageName = "flows/measure", ImageTag = "1")]
        public static partial class MeasureFlow
        {
            [FlowTask]
            public static object Load() => new object();

            [FlowTask]
            [PodTask("pod.yaml", "primary")]
            public static System.IDisposable {|#0:Measure|}([FromTask(nameof(Load))] object {|#1:raw|}) => null!;
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodTaskDataNotSerializable).WithLocation(0).WithArguments("Measure", "result", "System.IDisposable",
            "it is an interface other than IEnumerable<T>/IReadOnlyList<T>/IReadOnlyCollection<T>/IList<T>/ICollection<T>/IDictionary<string, T>/IReadOnlyDictionary<string, T>"),
        Verify.Diagnostic(DiagnosticDescriptors.PodTaskDataNotSerializable).WithLocation(1).WithArguments("Measure", "input 'raw'", "object", "it is 'object'"));

    [Fact]
    public Task Not_reported_for_strings_numbers_lists_and_records() => PodTaskDeclarationVerify.AnalyzerAsync("""
        public record Measurement(int Width, int Height, string? Label);

        [Flow("Measure")]
        [DockerStorage(ImageName = "flows/measure", ImageTag = "1")]
        public static partial class MeasureFlow
        {
            [FlowTask]
            public static System.Collections.Generic.List<int> Load() => new() { 1, 2 };

            [FlowTask]
            [PodTask("pod.yaml", "primary")]
            public static Task<Measurement> Measure([FromTask(nameof(Load))] System.Collections.Generic.List<int> sizes, [FlowParameter] string unit = "cm")
                => Task.FromResult(new Measurement(sizes[0], sizes[1], unit));
        }
        """);

    [Fact]
    public Task Not_reported_for_a_task_that_runs_in_the_flow_process() => PodTaskDeclarationVerify.AnalyzerAsync("""
        [Flow("Measure")]
        public static partial class MeasureFlow
        {
            [FlowTask]
            public static object Load() => new object();

            [FlowTask]
            public static void Use([FromTask(nameof(Load))] object raw) { }
        }
        """);
}
