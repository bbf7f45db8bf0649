using System.Threading.Tasks;
using Flows.Analyzers.CodeFixes;
using Flows.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace Flows.Analyzers.Tests.CodeFixes;

/// <summary>FLOW025's fix: add [FlowTask] to the helper method that [FromTask] or [DependsOn] names, where that makes it a task.</summary>
public class AddFlowTaskAttributeCodeFixTests
{
    [Fact]
    public Task Adds_FlowTask_to_a_static_helper_named_by_FromTask() => Verify.CodeFixAsync<AddFlowTaskAttributeCodeFix>("""
        using Flows;

        [Flow("Import")]
        public static partial class Import
        {
            // Loads the count.
            public static int Helper() => 1;

            [FlowTask]
            public static void Save([FromTask({|FLOW025:nameof(Helper)|})] int count) { }
        }
        """, """
        using Flows;

        [Flow("Import")]
        public static partial class Import
        {
            // Loads the count.
            [FlowTask]
            public static int Helper() => 1;

            [FlowTask]
            public static void Save([FromTask(nameof(Helper))] int count) { }
        }
        """);

    [Fact]
    public Task Adds_FlowTask_above_the_helpers_other_attributes_for_DependsOn() => Verify.CodeFixAsync<AddFlowTaskAttributeCodeFix>("""
        using System;
        using Flows;

        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            [DependsOn({|FLOW025:"Clean"|})]
            public static void Save() { }

            [Obsolete("old")]
            internal static void Clean() { }
        }
        """, """
        using System;
        using Flows;

        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            [DependsOn("Clean")]
            public static void Save() { }

            [FlowTask]
            [Obsolete("old")]
            internal static void Clean() { }
        }
        """);

    [Fact]
    public Task Writes_the_full_attribute_name_without_a_using() => Verify.CodeFixAsync<AddFlowTaskAttributeCodeFix>("""
        [Flows.Flow("Import")]
        public static partial class Import
        {
            static int Helper() => 1;

            [Flows.FlowTask]
            public static void Save([Flows.FromTask({|FLOW025:nameof(Helper)|})] int count) { }
        }
        """, """
        [Flows.Flow("Import")]
        public static partial class Import
        {
            [Flows.FlowTask]
            static int Helper() => 1;

            [Flows.FlowTask]
            public static void Save([Flows.FromTask(nameof(Helper))] int count) { }
        }
        """);

    [Fact]
    public async Task Adds_FlowTask_to_a_helper_in_another_file()
    {
        var test = new FlowsCodeFixTest<AddFlowTaskAttributeCodeFix>();
        test.TestState.Sources.Add(("Import.cs", """
            using Flows;

            [Flow("Import")]
            public static partial class Import
            {
                [FlowTask]
                public static void Save([FromTask({|FLOW025:nameof(Helper)|})] int count) { }
            }
            """));
        test.TestState.Sources.Add(("Import.Helpers.cs", """
            using Flows;

            public static partial class Import
            {
                public static int Helper() => 1;
            }
            """));
        test.FixedState.Sources.Add(("Import.cs", """
            using Flows;

            [Flow("Import")]
            public static partial class Import
            {
                [FlowTask]
                public static void Save([FromTask(nameof(Helper))] int count) { }
            }
            """));
        test.FixedState.Sources.Add(("Import.Helpers.cs", """
            using Flows;

            public static partial class Import
            {
                [FlowTask]
                public static int Helper() => 1;
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public Task Offers_no_fix_for_a_helper_that_is_not_static() => Verify.CodeFixAsync<AddFlowTaskAttributeCodeFix>("""
        using Flows;

        [Flow("Import")]
        public partial class Import
        {
            public int Helper() => 1;

            [FlowTask]
            public static void Save([FromTask({|FLOW025:nameof(Helper)|})] int count) { }
        }
        """, """
        using Flows;

        [Flow("Import")]
        public partial class Import
        {
            public int Helper() => 1;

            [FlowTask]
            public static void Save([FromTask({|FLOW025:nameof(Helper)|})] int count) { }
        }
        """);
}
