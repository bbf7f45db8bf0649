using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Diagnostics;

/// <summary>FLOW016: a task parameter that is neither bound, a flow parameter, nor injected.</summary>
public class UnboundTaskParameterTests
{
    [Fact]
    public Task Reported_on_the_name_of_the_unbound_parameter() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static int Load() => 1;

            [FlowTask]
            public static void Save([FromTask(nameof(Load))] int count, string {|#0:path|}) { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.UnboundTaskParameter).WithLocation(0).WithArguments("path", "Save"));

    [Fact]
    public Task Not_reported_for_injected_bound_and_flow_parameters() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static int Load(TaskRunContext context, CancellationToken cancellationToken) => 1;

            [FlowTask]
            public static void Save([FromTask(nameof(Load))] int count, [FlowParameter] string path = "out.csv") { }
        }
        """);
}
