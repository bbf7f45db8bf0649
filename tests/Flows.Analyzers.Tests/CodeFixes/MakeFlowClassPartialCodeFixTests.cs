using System.Threading.Tasks;
using Flows.Analyzers.CodeFixes;
using Flows.Analyzers.Tests.Infrastructure;

namespace Flows.Analyzers.Tests.CodeFixes;

/// <summary>FLOW001's fix: add 'partial'.</summary>
public class MakeFlowClassPartialCodeFixTests
{
    [Fact]
    public Task Adds_partial_after_the_other_modifiers() => Verify.CodeFixAsync<MakeFlowClassPartialCodeFix>("""
        using Flows;

        [Flow("Import")]
        public static class {|FLOW001:Import|}
        {
            [FlowTask]
            public static void Load() { }
        }
        """, """
        using Flows;

        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static void Load() { }
        }
        """);

    [Fact]
    public Task Adds_partial_in_front_of_a_class_without_modifiers_keeping_its_indentation() => Verify.CodeFixAsync<MakeFlowClassPartialCodeFix>("""
        using Flows;

        namespace Shop
        {
            [Flow("Import")]
            class {|FLOW001:Import|}
            {
                [FlowTask]
                public static void Load() { }
            }
        }
        """, """
        using Flows;

        namespace Shop
        {
            [Flow("Import")]
            partial class Import
            {
                [FlowTask]
                public static void Load() { }
            }
        }
        """);

    [Fact]
    public Task Adds_partial_to_the_containing_type() => Verify.CodeFixAsync<MakeFlowClassPartialCodeFix>("""
        using Flows;

        public static class Jobs
        {
            [Flow("Import")]
            public static partial class {|FLOW001:Import|}
            {
                [FlowTask]
                public static void Load() { }
            }
        }
        """, """
        using Flows;

        public static partial class Jobs
        {
            [Flow("Import")]
            public static partial class Import
            {
                [FlowTask]
                public static void Load() { }
            }
        }
        """);

    [Fact]
    public Task Fixes_the_flow_classes_and_their_shared_containing_type_together() => Verify.CodeFixAsync<MakeFlowClassPartialCodeFix>("""
        using Flows;

        internal static class Jobs
        {
            [Flow("Import")]
            internal static class {|FLOW001:{|FLOW001:Import|}|}
            {
                [FlowTask]
                public static void Load() { }
            }

            [Flow("Export")]
            internal static partial class {|FLOW001:Export|}
            {
                [FlowTask]
                public static void Save() { }
            }
        }
        """, """
        using Flows;

        internal static partial class Jobs
        {
            [Flow("Import")]
            internal static partial class Import
            {
                [FlowTask]
                public static void Load() { }
            }

            [Flow("Export")]
            internal static partial class Export
            {
                [FlowTask]
                public static void Save() { }
            }
        }
        """);
}
