using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Diagnostics;

/// <summary>FLOW019: a parameter with both [FromTask] and [FlowParameter].</summary>
public class ParameterBoundTwiceTests
{
    [Fact]
    public Task Reported_on_the_name_of_the_parameter() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static int Load() => 1;

            [FlowTask]
            public static void Save([FromTask(nameof(Load))][FlowParameter] int {|#0:count|}) { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.ParameterBoundTwice).WithLocation(0).WithArguments("count", "Save"));

    [Fact]
    public Task Not_reported_for_one_source_per_parameter() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static int Load() => 1;

            [FlowTask]
            public static void Save([FromTask(nameof(Load))] int count, [FlowParameter] int limit) { }
        }
        """);
}
