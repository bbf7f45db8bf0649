using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Diagnostics;

/// <summary>FLOW011: the tasks' dependencies form a cycle.</summary>
public class TaskGraphCycleTests
{
    [Fact]
    public Task Reported_on_the_dependency_that_closes_the_cycle() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static int Load([FromTask({|#0:nameof(Save)|})] int previous) => previous;

            [FlowTask]
            public static int Save([FromTask(nameof(Load))] int count) => count;
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.TaskGraphCycle).WithLocation(0).WithArguments("Import", "Load -> Save -> Load"));

    [Fact]
    public Task Reported_on_a_task_that_depends_on_itself() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            [DependsOn({|#0:nameof(Load)|})]
            public static void Load() { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.TaskGraphCycle).WithLocation(0).WithArguments("Import", "Load -> Load"));

    [Fact]
    public Task Reported_once_per_cycle_through_ordering_dependencies() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            [DependsOn({|#0:nameof(C)|})]
            public static void A() { }

            [FlowTask]
            [DependsOn(nameof(A))]
            public static void B() { }

            [FlowTask]
            [DependsOn(nameof(B))]
            public static void C() { }

            [FlowTask]
            [DependsOn(nameof(C))]
            public static void AfterTheCycle() { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.TaskGraphCycle).WithLocation(0).WithArguments("Import", "A -> B -> C -> A"));

    [Fact]
    public Task Not_reported_for_a_diamond() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static int Load() => 1;

            [FlowTask]
            public static int Left([FromTask(nameof(Load))] int value) => value;

            [FlowTask]
            public static int Right([FromTask(nameof(Load))] int value) => value;

            [FlowTask]
            [DependsOn(nameof(Load))]
            public static int Join([FromTask(nameof(Left))] int left, [FromTask(nameof(Right))] int right) => left + right;
        }
        """);
}
