using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Diagnostics;

/// <summary>FLOW023: a [FlowTask] method in a class without [Flow] (a warning).</summary>
public class TaskOutsideFlowTests
{
    [Fact]
    public Task Reported_on_the_FlowTask_attribute() => Verify.AnalyzerAsync("""
        public static class Helpers
        {
            [{|#0:FlowTask(Retries = 1)|}]
            public static void Load() { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.TaskOutsideFlow).WithLocation(0).WithArguments("Load", "Helpers"));

    [Fact]
    public Task Reported_in_a_class_nested_in_a_flow() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static void Load() { }

            public static class Helpers
            {
                [{|FLOW023:FlowTask|}]
                public static void Save() { }
            }
        }
        """);

    [Fact]
    public Task Not_reported_in_a_flow_class() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static void Load() { }
        }

        public static class Helpers
        {
            public static void Save() { }
        }
        """);
}
