using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Diagnostics;

/// <summary>FLOW012: the upstream task's result does not convert to the bound parameter's type.</summary>
public class UpstreamResultTypeMismatchTests
{
    [Fact]
    public Task Reported_on_the_FromTask_argument() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static Task<int> Load() => Task.FromResult(1);

            [FlowTask]
            public static void Save([FromTask({|#0:nameof(Load)|})] string text) { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.UpstreamResultTypeMismatch).WithLocation(0).WithArguments("text", "Save", "string", "Load", "int"));

    [Fact]
    public Task Not_reported_for_implicit_conversions() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static ValueTask<int> Load() => new(1);

            [FlowTask]
            public static string Name() => "x";

            [FlowTask]
            public static void Save([FromTask(nameof(Load))] long count, [FromTask(nameof(Load))] object boxed, [FromTask(nameof(Name))] string? name) { }
        }
        """);
}
