using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;

namespace Flows.Analyzers.Tests.Diagnostics;

/// <summary>FLOW022: a flow class without any [FlowTask] method (a warning).</summary>
public class FlowHasNoTasksTests
{
    [Fact]
    public Task Reported_on_the_name_of_the_flow_class() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class {|FLOW022:Import|}
        {
            public static void Load() { }
        }
        """);

    [Fact]
    public Task Not_reported_when_a_task_is_in_another_part_of_the_class() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
        }

        public static partial class Import
        {
            [FlowTask]
            public static void Load() { }
        }
        """);
}
