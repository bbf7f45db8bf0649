using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Diagnostics;

/// <summary>FLOW001: a flow class, and every type containing it, must be partial.</summary>
public class FlowClassMustBePartialTests
{
    [Fact]
    public Task Reported_on_the_name_of_a_flow_class_that_is_not_partial() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static class {|#0:Import|}
        {
            [FlowTask]
            public static void Run() { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.FlowClassMustBePartial).WithLocation(0).WithArguments("Import", "Import"));

    [Fact]
    public Task Reported_on_the_flow_class_pointing_at_a_containing_type_that_is_not_partial() => Verify.AnalyzerAsync("""
        public static class {|#1:Jobs|}
        {
            [Flow("Import")]
            public static partial class {|#0:Import|}
            {
                [FlowTask]
                public static void Run() { }
            }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.FlowClassMustBePartial).WithLocation(0).WithLocation(1).WithArguments("Import", "Jobs"));

    [Fact]
    public Task Not_reported_for_a_partial_flow_class_in_partial_types() => Verify.AnalyzerAsync("""
        public static partial class Jobs
        {
            [Flow("Import")]
            public partial class Import
            {
                [FlowTask]
                public static void Run() { }
            }
        }
        """);
}
