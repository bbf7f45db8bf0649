using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;

namespace Flows.Analyzers.Tests.Diagnostics;

/// <summary>FLOW003: a task method cannot be generic.</summary>
public class TaskMethodIsGenericTests
{
    [Fact]
    public Task Reported_on_the_name_of_a_generic_task() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static T {|FLOW003:Load|}<T>() where T : new() => new T();
        }
        """);

    [Fact]
    public Task Not_reported_for_a_task_that_uses_generic_types() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static System.Collections.Generic.List<int> Load() => new();

            public static T NotATask<T>() where T : new() => new T();
        }
        """);
}
