using System.Threading.Tasks;
using Flows.Analyzers.CodeFixes;
using Flows.Analyzers.Tests.Infrastructure;

namespace Flows.Analyzers.Tests.CodeFixes;

/// <summary>FLOW016's fix "bind to task X".</summary>
public class BindParameterToTaskCodeFixTests
{
    [Fact]
    public Task Binds_to_the_only_task_whose_result_converts() => Verify.CodeFixAsync<BindParameterToTaskCodeFix>("""
        using System.Threading.Tasks;
        using Flows;

        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static Task<int[]> Download() => Task.FromResult(new int[1]);

            [FlowTask]
            public static string Name() => "orders";

            [FlowTask]
            public static void Save(int[] {|FLOW016:orders|}) { }
        }
        """, """
        using System.Threading.Tasks;
        using Flows;

        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static Task<int[]> Download() => Task.FromResult(new int[1]);

            [FlowTask]
            public static string Name() => "orders";

            [FlowTask]
            public static void Save([FromTask(nameof(Download))] int[] orders) { }
        }
        """, BindParameterToTaskCodeFix.EquivalenceKey("Download"));

    [Fact]
    public Task Binds_to_the_task_named_like_the_parameter_among_several() => Verify.CodeFixAsync<BindParameterToTaskCodeFix>("""
        using Flows;

        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static int Count() => 1;

            [FlowTask]
            public static int Limit() => 2;

            [FlowTask]
            public static void Save(long {|FLOW016:count|}) { }
        }
        """, """
        using Flows;

        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static int Count() => 1;

            [FlowTask]
            public static int Limit() => 2;

            [FlowTask]
            public static void Save([FromTask(nameof(Count))] long count) { }
        }
        """, BindParameterToTaskCodeFix.EquivalenceKey("Count"));

    [Fact]
    public Task Qualifies_the_attribute_without_a_using_of_Flows() => Verify.CodeFixAsync<BindParameterToTaskCodeFix>("""
        [Flows.Flow("Import")]
        public static partial class Import
        {
            [Flows.FlowTask]
            public static string Name() => "orders";

            [Flows.FlowTask]
            public static void Save(object {|FLOW016:label|}) { }
        }
        """, """
        [Flows.Flow("Import")]
        public static partial class Import
        {
            [Flows.FlowTask]
            public static string Name() => "orders";

            [Flows.FlowTask]
            public static void Save([Flows.FromTask(nameof(Name))] object label) { }
        }
        """, BindParameterToTaskCodeFix.EquivalenceKey("Name"));

    [Fact]
    public Task Not_offered_when_several_tasks_fit_and_none_is_named_like_the_parameter()
    {
        const string source = """
            using Flows;

            [Flow("Import")]
            public static partial class Import
            {
                [FlowTask]
                public static int Count() => 1;

                [FlowTask]
                public static int Limit() => 2;

                [FlowTask]
                public static void Save(int {|FLOW016:value|}) { }
            }
            """;
        return Verify.CodeFixAsync<BindParameterToTaskCodeFix>(source, source);
    }

    [Fact]
    public Task Not_offered_for_a_task_that_runs_after_the_parameter_s_task()
    {
        const string source = """
            using Flows;

            [Flow("Import")]
            public static partial class Import
            {
                [FlowTask]
                public static int Load(int {|FLOW016:previous|}) => 1;

                [FlowTask]
                [DependsOn(nameof(Load))]
                public static int Previous() => 2;
            }
            """;
        return Verify.CodeFixAsync<BindParameterToTaskCodeFix>(source, source);
    }
}
