using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.Diagnostics;

/// <summary>FLOW007: a task cannot return a ref struct, a reference or a pointer.</summary>
public class TaskReturnTypeNotSupportedTests
{
    [Fact]
    public Task Reported_on_the_name_of_a_task_returning_a_ref_struct() => Verify.AnalyzerAsync("""
        using System;

        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static Span<byte> {|#0:Load|}() => default;
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.TaskReturnTypeNotSupported).WithLocation(0)
            .WithArguments("Load", "System.Span<byte>", "it is a ref struct"));

    [Fact]
    public Task Reported_on_the_name_of_a_task_returning_by_reference() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            private static int _count;

            [FlowTask]
            public static ref int {|#0:Load|}() => ref _count;
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.TaskReturnTypeNotSupported).WithLocation(0)
            .WithArguments("Load", "int", "it is returned by reference"));

    [Fact]
    public Task Not_reported_for_values_and_tasks() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static byte[] Load() => new byte[1];

            [FlowTask]
            public static Task<string> Name() => Task.FromResult("x");

            [FlowTask]
            public static (int, string) Pair() => (1, "x");
        }
        """);
}
