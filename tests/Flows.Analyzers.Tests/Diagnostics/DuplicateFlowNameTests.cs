using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Diagnostics;

/// <summary>FLOW015: two flow classes of a project use the same flow name (a compilation-end diagnostic).</summary>
public class DuplicateFlowNameTests
{
    [Fact]
    public Task Reported_on_the_name_argument_of_the_second_flow_in_another_file() => Verify.AnalyzerAsync(
        new[]
        {
            """
            [Flow("Import")]
            public static partial class Import
            {
                [FlowTask]
                public static void Load() { }
            }
            """,
            """
            [Flow({|#0:"Import"|})]
            public static partial class OtherImport
            {
                [FlowTask]
                public static void Load() { }
            }
            """,
        },
        Verify.Diagnostic(DiagnosticDescriptors.DuplicateFlowName).WithLocation(0).WithArguments("Import", "Import"));

    [Fact]
    public Task Reported_on_the_later_declaration_in_one_file() => Verify.AnalyzerAsync("""
        namespace Shop
        {
            [Flow("Import")]
            public static partial class Import
            {
                [FlowTask]
                public static void Load() { }
            }

            [Flow({|#0:"Import"|})]
            public static partial class OtherImport
            {
                [FlowTask]
                public static void Load() { }
            }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.DuplicateFlowName).WithLocation(0).WithArguments("Import", "Shop.Import"));

    [Fact]
    public Task Not_reported_for_distinct_names_or_a_partial_class_declared_twice() => Verify.AnalyzerAsync(
        new[]
        {
            """
            [Flow("Import")]
            public static partial class Import
            {
                [FlowTask]
                public static void Load() { }
            }

            public static partial class Import
            {
                [FlowTask]
                public static void Save() { }
            }
            """,
            """
            [Flow("import")]
            public static partial class OtherImport
            {
                [FlowTask]
                public static void Load() { }
            }
            """,
        });
}
