using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Diagnostics;

/// <summary>FLOW018: tasks declare one flow parameter with different types or defaults.</summary>
public class ConflictingFlowParameterTests
{
    [Fact]
    public Task Reported_on_the_later_parameter_with_another_type() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static void Load([FlowParameter("days")] int days) { }

            [FlowTask]
            public static void Save([FlowParameter("days")] long {|#0:dayCount|}) { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.ConflictingFlowParameter).WithLocation(0).WithArguments("days", "long (required)", "int (required)", "Load"));

    [Fact]
    public Task Reported_on_the_later_parameter_with_another_default() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static void Load([FlowParameter] int days = 7) { }

            [FlowTask]
            public static void Save([FlowParameter] int {|#0:days|} = 8) { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.ConflictingFlowParameter).WithLocation(0).WithArguments("days", "int = 8", "int = 7", "Load"));

    [Fact]
    public Task Not_reported_for_the_same_type_and_default() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static void Load([FlowParameter] int days = 7) { }

            [FlowTask]
            public static void Save([FlowParameter("days")] int dayCount = 7) { }
        }
        """);
}
