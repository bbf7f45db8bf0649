using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Diagnostics;

/// <summary>FLOW020: [FlowTask] options out of range.</summary>
public class InvalidTaskOptionsTests
{
    [Fact]
    public Task Reported_on_negative_retries() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask({|#0:Retries = -1|})]
            public static void Load() { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.InvalidTaskOptions).WithLocation(0).WithArguments("Load", "Retries", -1, "use 0 or more"));

    [Fact]
    public Task Reported_on_negative_or_infinite_seconds() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask({|#0:RetryDelaySeconds = -0.5|}, {|#1:TimeoutSeconds = double.PositiveInfinity|})]
            public static void Load() { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.InvalidTaskOptions).WithLocation(0).WithArguments("Load", "RetryDelaySeconds", "-0.5", "use a finite number of seconds, 0 or more"),
        Verify.Diagnostic(DiagnosticDescriptors.InvalidTaskOptions).WithLocation(1).WithArguments("Load", "TimeoutSeconds", "Infinity", "use a finite number of seconds, 0 or more"));

    [Fact]
    public Task Reported_on_a_trigger_that_is_no_TaskTrigger_value() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask({|#0:Trigger = (TaskTrigger)42|})]
            public static void Load() { }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.InvalidTaskOptions).WithLocation(0).WithArguments("Load", "Trigger", "42", "use one of the TaskTrigger values"));

    [Fact]
    public Task Not_reported_for_valid_options() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask(Retries = 3, RetryDelaySeconds = 0, TimeoutSeconds = 2.5, Trigger = TaskTrigger.AlwaysRun)]
            public static void Load() { }

            [FlowTask(Trigger = TaskTrigger.AnyFailed)]
            [DependsOn(nameof(Load))]
            public static void Alert() { }
        }
        """);
}
