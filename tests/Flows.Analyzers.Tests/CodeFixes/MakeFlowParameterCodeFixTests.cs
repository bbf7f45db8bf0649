using System.Threading.Tasks;
using Flows.Analyzers.CodeFixes;
using Flows.Analyzers.Tests.Infrastructure;

namespace Flows.Analyzers.Tests.CodeFixes;

/// <summary>FLOW016's fix "make it a flow parameter".</summary>
public class MakeFlowParameterCodeFixTests
{
    [Fact]
    public Task Adds_FlowParameter() => Verify.CodeFixAsync<MakeFlowParameterCodeFix>("""
        using Flows;

        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static void Load(string {|FLOW016:path|}, int? {|FLOW016:limit|} = null) { }
        }
        """, """
        using Flows;

        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static void Load([FlowParameter] string path, [FlowParameter] int? limit = null) { }
        }
        """);

    [Fact]
    public Task Keeps_a_parameter_on_its_own_line_and_qualifies_the_attribute_without_a_using() => Verify.CodeFixAsync<MakeFlowParameterCodeFix>("""
        [Flows.Flow("Import")]
        public static partial class Import
        {
            [Flows.FlowTask]
            public static void Load(
                System.Threading.CancellationToken cancellationToken,
                int {|FLOW016:days|})
            {
            }
        }
        """, """
        [Flows.Flow("Import")]
        public static partial class Import
        {
            [Flows.FlowTask]
            public static void Load(
                System.Threading.CancellationToken cancellationToken,
                [Flows.FlowParameter] int days)
            {
            }
        }
        """);

    [Fact]
    public Task Not_offered_for_a_type_that_cannot_be_parsed_from_the_command_line()
    {
        const string source = """
            using Flows;

            [Flow("Import")]
            public static partial class Import
            {
                [FlowTask]
                public static void Load(int[] {|FLOW016:ids|}) { }
            }
            """;
        return Verify.CodeFixAsync<MakeFlowParameterCodeFix>(source, source);
    }
}
