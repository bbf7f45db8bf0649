using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Diagnostics;

/// <summary>FLOW013: a parameter is bound to a task that returns nothing.</summary>
public class UpstreamHasNoResultTests
{
    [Fact]
    public Task Reported_on_the_FromTask_argument() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static Task Load() => Task.CompletedTask;

            [FlowTask]
            public static void Save([FromTask({|#0:nameof(Load)|})] int count) { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.UpstreamHasNoResult).WithLocation(0).WithArguments("count", "Save", "Load"));

    [Fact]
    public Task Not_reported_when_a_task_without_result_is_only_an_ordering_dependency() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static ValueTask Load() => default;

            [FlowTask]
            [DependsOn(nameof(Load))]
            public static void Save() { }
        }
        """);
}
