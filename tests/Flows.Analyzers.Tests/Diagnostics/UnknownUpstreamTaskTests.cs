using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Diagnostics;

/// <summary>FLOW010: [FromTask] and [DependsOn] must name a task of the same flow.</summary>
public class UnknownUpstreamTaskTests
{
    [Fact]
    public Task Reported_on_the_FromTask_argument_that_names_no_task() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static void Save([FromTask({|#0:"Lod"|})] int count) { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.UnknownUpstreamTask).WithLocation(0).WithArguments("Import", "Lod", "Import"));

    [Fact]
    public Task Reported_on_a_FromTask_argument_written_with_its_parameter_name() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static void Save([FromTask(taskName: {|FLOW010:"Lod"|})] int count) { }
        }
        """);

    [Fact]
    public Task Reported_on_the_DependsOn_argument_that_names_no_method_of_the_flow() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static void Load() { }

            [FlowTask]
            [DependsOn(nameof(Load), {|#0:"Helpr"|})]
            public static void Save() { }

            public static void Helper() { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.UnknownUpstreamTask).WithLocation(0).WithArguments("Import", "Helpr", "Import"));

    [Fact]
    public Task Reported_for_a_task_of_another_class() => Verify.AnalyzerAsync("""
        public static class Helpers
        {
            public static int Load() => 1;
        }

        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static void Save([FromTask({|FLOW010:nameof(Helpers.Load)|})] int count) { }
        }
        """);

    [Fact]
    public Task Reported_on_a_null_DependsOn_element() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            [DependsOn({|FLOW010:(string)null!|})]
            public static void Save() { }
        }
        """);

    [Fact]
    public Task Not_reported_for_a_null_DependsOn_array() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            [DependsOn(null!)]
            public static void Save() { }
        }
        """);

    [Fact]
    public Task Not_reported_for_tasks_of_the_flow() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static int Load() => 1;

            [FlowTask]
            public static void Clean() { }

            [FlowTask]
            [DependsOn(nameof(Clean))]
            public static void Save([FromTask("Load")] int count) { }
        }
        """);
}
