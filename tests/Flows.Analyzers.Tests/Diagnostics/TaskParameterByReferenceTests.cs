using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Diagnostics;

/// <summary>FLOW004: a task parameter cannot be ref, out or in.</summary>
public class TaskParameterByReferenceTests
{
    [Fact]
    public Task Reported_on_the_name_of_a_ref_parameter() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static void Load([FlowParameter] ref int {|#0:count|}) { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.TaskParameterByReference).WithLocation(0).WithArguments("count", "Load", "ref"));

    [Fact]
    public Task Reported_on_the_name_of_an_in_parameter() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static int Load() => 1;

            [FlowTask]
            public static void Save([FromTask(nameof(Load))] in int {|#0:count|}) { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.TaskParameterByReference).WithLocation(0).WithArguments("count", "Save", "in"));

    [Fact]
    public Task Not_reported_for_parameters_passed_by_value() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static void Load([FlowParameter] int count, CancellationToken cancellationToken) { }

            public static void NotATask(ref int count) { }
        }
        """);
}
