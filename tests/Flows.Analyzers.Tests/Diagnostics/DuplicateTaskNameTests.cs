using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Diagnostics;

/// <summary>FLOW014: two task methods (overloads) with the same name.</summary>
public class DuplicateTaskNameTests
{
    [Fact]
    public Task Reported_on_the_name_of_the_second_overload() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static void Load() { }

            [FlowTask]
            public static void {|#0:Load|}([FlowParameter] int count) { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.DuplicateTaskName).WithLocation(0).WithArguments("Import", "Load"));

    [Fact]
    public Task Not_reported_for_an_overload_that_is_not_a_task() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static void Load() { }

            public static void Load(int count) { }
        }
        """);
}
