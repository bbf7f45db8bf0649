using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Diagnostics;

/// <summary>FLOW017: a flow parameter whose type cannot be parsed from the command line.</summary>
public class UnsupportedFlowParameterTypeTests
{
    [Fact]
    public Task Reported_on_the_name_of_a_flow_parameter_of_an_array_type() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static void Load([FlowParameter("ids")] int[] {|#0:identifiers|}) { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.UnsupportedFlowParameterType).WithLocation(0).WithArguments("ids", "int[]"));

    [Fact]
    public Task Not_reported_for_parsable_types_enums_and_their_nullable_forms() => Verify.AnalyzerAsync("""
        using System;

        public enum Region { North, South }

        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static void Load(
                [FlowParameter] string path,
                [FlowParameter] int count,
                [FlowParameter] Guid id,
                [FlowParameter] DateTime since,
                [FlowParameter] TimeSpan window,
                [FlowParameter] Region region,
                [FlowParameter] string? label = null,
                [FlowParameter] int? limit = null,
                [FlowParameter] Region? fallback = Region.South) { }
        }
        """);
}
