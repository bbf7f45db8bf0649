using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Diagnostics;

/// <summary>FLOW021: a flow with an empty name.</summary>
public class InvalidFlowNameTests
{
    [Fact]
    public Task Reported_on_the_Flow_attribute_with_an_empty_name() => Verify.AnalyzerAsync("""
        [{|#0:Flow("")|}]
        public static partial class Import
        {
            [FlowTask]
            public static void Load() { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.InvalidFlowName).WithLocation(0).WithArguments("Import"));

    [Fact]
    public Task Reported_on_the_Flow_attribute_with_a_blank_name() => Verify.AnalyzerAsync("""
        [{|FLOW021:Flow("   ", Description = "Imports")|}]
        public static partial class Import
        {
            [FlowTask]
            public static void Load() { }
        }
        """);

    [Fact]
    public Task Not_reported_for_a_name_with_spaces() => Verify.AnalyzerAsync("""
        [Flow(" Nightly import ")]
        public static partial class Import
        {
            [FlowTask]
            public static void Load() { }
        }
        """);
}
