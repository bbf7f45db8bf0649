using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Diagnostics;

/// <summary>FLOW006: generic flow classes and flow classes the generated code cannot reach.</summary>
public class FlowClassNotSupportedTests
{
    [Fact]
    public Task Reported_on_the_name_of_a_generic_flow_class() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public partial class {|#0:Import|}<T>
        {
            [FlowTask]
            public static void Load() { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.FlowClassNotSupported).WithLocation(0)
            .WithArguments("Import", "is generic", "a flow is one graph with one set of types, so remove the type parameters"));

    [Fact]
    public Task Reported_on_the_name_of_a_flow_class_inside_a_generic_type() => Verify.AnalyzerAsync("""
        public partial class Outer<T>
        {
            [Flow("Import")]
            public partial class {|#0:Import|}
            {
                [FlowTask]
                public static void Load() { }
            }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.FlowClassNotSupported).WithLocation(0)
            .WithArguments("Import", "is inside generic type 'Outer'", "a flow is one graph with one set of types, so remove the type parameters"));

    [Fact]
    public Task Reported_on_the_name_of_a_private_flow_class() => Verify.AnalyzerAsync("""
        public partial class Outer
        {
            [Flow("Import")]
            private partial class {|#0:Import|}
            {
                [FlowTask]
                public static void Load() { }
            }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.FlowClassNotSupported).WithLocation(0)
            .WithArguments("Import", "is private", "the generated entrypoint must reach it, so make it internal or public"));

    [Fact]
    public Task Reported_on_the_name_of_a_flow_class_inside_a_protected_type() => Verify.AnalyzerAsync("""
        public partial class Outer
        {
            protected partial class Inner
            {
                [Flow("Import")]
                public partial class {|#0:Import|}
                {
                    [FlowTask]
                    public static void Load() { }
                }
            }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.FlowClassNotSupported).WithLocation(0)
            .WithArguments("Import", "is inside protected type 'Inner'", "the generated entrypoint must reach it, so make it internal or public"));

    [Fact]
    public Task Not_reported_for_internal_nested_and_record_flow_classes() => Verify.AnalyzerAsync("""
        public partial class Outer
        {
            [Flow("Import")]
            internal partial class Import
            {
                [FlowTask]
                public static void Load() { }
            }
        }

        [Flow("Export")]
        internal partial record Export
        {
            [FlowTask]
            public static void Save() { }
        }
        """);
}
