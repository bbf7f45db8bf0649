using System.Threading.Tasks;
using Flows.Analyzers.CodeFixes;
using Flows.Analyzers.Tests.Infrastructure;

namespace Flows.Analyzers.Tests.CodeFixes;

/// <summary>FLOW002's fix: add 'static' where C# style puts it.</summary>
public class MakeTaskMethodStaticCodeFixTests
{
    [Fact]
    public Task Adds_static_after_the_accessibility() => Verify.CodeFixAsync<MakeTaskMethodStaticCodeFix>("""
        using System.Threading.Tasks;
        using Flows;

        [Flow("Import")]
        public partial class Import
        {
            [FlowTask]
            public int {|FLOW002:Load|}() => 1;

            [FlowTask]
            protected internal async Task {|FLOW002:Save|}() => await Task.Yield();
        }
        """, """
        using System.Threading.Tasks;
        using Flows;

        [Flow("Import")]
        public partial class Import
        {
            [FlowTask]
            public static int Load() => 1;

            [FlowTask]
            protected internal static async Task Save() => await Task.Yield();
        }
        """);

    [Fact]
    public Task Adds_static_in_front_of_a_method_without_modifiers_keeping_its_indentation() => Verify.CodeFixAsync<MakeTaskMethodStaticCodeFix>("""
        using System.Threading.Tasks;
        using Flows;

        [Flow("Import")]
        public partial class Import
        {
            [FlowTask]
            // Loads the orders.
            async Task<int> {|FLOW002:Load|}() => await Task.FromResult(1);
        }
        """, """
        using System.Threading.Tasks;
        using Flows;

        [Flow("Import")]
        public partial class Import
        {
            [FlowTask]
            // Loads the orders.
            static async Task<int> Load() => await Task.FromResult(1);
        }
        """);
}
