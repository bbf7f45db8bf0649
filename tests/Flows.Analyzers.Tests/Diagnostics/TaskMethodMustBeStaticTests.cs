using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;

namespace Flows.Analyzers.Tests.Diagnostics;

/// <summary>FLOW002: a task method must be static.</summary>
public class TaskMethodMustBeStaticTests
{
    [Fact]
    public Task Reported_on_the_name_of_an_instance_task() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public partial class Import
        {
            [FlowTask]
            public int {|FLOW002:Load|}() => 1;
        }
        """);

    [Fact]
    public Task Not_reported_for_a_static_task() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public partial class Import
        {
            [FlowTask]
            public static int Load() => 1;

            public int NotATask() => 2;
        }
        """);
}
