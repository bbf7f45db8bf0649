using System.Threading.Tasks;
using Flows.Analyzers.CodeFixes;
using Flows.Analyzers.Tests.Infrastructure;

namespace Flows.Analyzers.Tests.CodeFixes;

/// <summary>FLOW005's fix: async void becomes async Task.</summary>
public class ReturnTaskInsteadOfAsyncVoidCodeFixTests
{
    [Fact]
    public Task Returns_Task_when_its_namespace_is_imported() => Verify.CodeFixAsync<ReturnTaskInsteadOfAsyncVoidCodeFix>("""
        using System.Threading.Tasks;
        using Flows;

        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static async void {|FLOW005:Load|}()
            {
                await Task.Yield();
            }
        }
        """, """
        using System.Threading.Tasks;
        using Flows;

        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static async Task Load()
            {
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task Imports_System_Threading_Tasks_when_missing() => Verify.CodeFixAsync<ReturnTaskInsteadOfAsyncVoidCodeFix>("""
        using Flows;

        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static async void {|FLOW005:Load|}() => await System.Threading.Tasks.Task.Yield();
        }
        """, """
        using System.Threading.Tasks;
        using Flows;

        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static async Task Load() => await System.Threading.Tasks.Task.Yield();
        }
        """);

    [Fact]
    public Task Keeps_the_name_qualified_where_Task_means_another_type() => Verify.CodeFixAsync<ReturnTaskInsteadOfAsyncVoidCodeFix>("""
        using Flows;

        namespace Shop
        {
            public class Task { }

            [Flow("Import")]
            public static partial class Import
            {
                [FlowTask]
                public static async void {|FLOW005:Load|}() => await System.Threading.Tasks.Task.Yield();
            }
        }
        """, """
        using Flows;

        namespace Shop
        {
            public class Task { }

            [Flow("Import")]
            public static partial class Import
            {
                [FlowTask]
                public static async System.Threading.Tasks.Task Load() => await System.Threading.Tasks.Task.Yield();
            }
        }
        """);
}
