using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Diagnostics;

/// <summary>FLOW025: [FromTask] or [DependsOn] names a method of the flow class that has no [FlowTask]; a typo stays FLOW010.</summary>
public class UpstreamIsNotATaskTests
{
    private const string AddFlowTask = "add [FlowTask] to it";

    [Fact]
    public Task Reported_on_the_FromTask_argument_that_names_a_helper_method() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            public static int Helper() => 1;

            [FlowTask]
            public static void Save([FromTask({|#0:nameof(Helper)|})] int count) { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.UpstreamIsNotATask).WithLocation(0).WithArguments("Helper", "Import", AddFlowTask));

    [Fact]
    public Task Reported_on_the_DependsOn_argument_that_names_a_void_helper_method() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static void Load() { }

            [FlowTask]
            [DependsOn(nameof(Load), {|#0:nameof(Helper)|})]
            public static void Save() { }

            public static void Helper() { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.UpstreamIsNotATask).WithLocation(0).WithArguments("Helper", "Import", AddFlowTask));

    [Fact]
    public Task Reported_for_a_helper_in_another_part_of_the_flow_class() => Verify.AnalyzerAsync(new[]
    {
        """
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static void Save([FromTask({|#0:"Helper"|})] string text) { }
        }
        """,
        """
        public static partial class Import
        {
            private static Task<string> Helper() => Task.FromResult("x");
        }
        """,
    },
        Verify.Diagnostic(DiagnosticDescriptors.UpstreamIsNotATask).WithLocation(0).WithArguments("Helper", "Import", AddFlowTask));

    [Fact]
    public Task Says_what_stops_an_instance_generic_helper_from_being_a_task() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public partial class Import
        {
            public T Helper<T>() => default!;

            [FlowTask]
            public static void Save([FromTask({|#0:nameof(Helper)|})] int count) { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.UpstreamIsNotATask).WithLocation(0).WithArguments("Helper", "Import",
            "it cannot be a task as it is, because it is not static and is generic: change that and add [FlowTask] to it, or name one of the flow's tasks"));

    [Fact]
    public Task Says_that_a_FromTask_helper_returns_no_result() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            public static Task Helper() => Task.CompletedTask;

            [FlowTask]
            public static void Save([FromTask({|#0:nameof(Helper)|})] int count) { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.UpstreamIsNotATask).WithLocation(0).WithArguments("Helper", "Import",
            "it cannot be a task as it is, because it returns no result for [FromTask] to pass on: change that and add [FlowTask] to it, or name one of the flow's tasks"));

    [Fact]
    public Task Says_that_an_overloaded_helper_cannot_be_one_task() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            public static int Helper() => 1;
            public static int Helper(int x) => x;

            [FlowTask]
            [DependsOn({|#0:nameof(Helper)|})]
            public static void Save() { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.UpstreamIsNotATask).WithLocation(0).WithArguments("Helper", "Import",
            "it cannot be a task as it is, because it has 2 overloads, and a task's name must be unique: change that and add [FlowTask] to it, or name one of the flow's tasks"));

    [Fact]
    public Task Says_that_a_helper_with_an_out_parameter_cannot_be_a_task() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            public static int Helper(out int x) { x = 1; return x; }

            [FlowTask]
            public static void Save([FromTask({|#0:nameof(Helper)|})] int count) { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.UpstreamIsNotATask).WithLocation(0).WithArguments("Helper", "Import",
            "it cannot be a task as it is, because it has a ref, out or in parameter: change that and add [FlowTask] to it, or name one of the flow's tasks"));
}
