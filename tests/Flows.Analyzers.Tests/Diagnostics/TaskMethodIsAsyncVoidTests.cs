using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;

namespace Flows.Analyzers.Tests.Diagnostics;

/// <summary>FLOW005: a task method cannot be async void.</summary>
public class TaskMethodIsAsyncVoidTests
{
    [Fact]
    public Task Reported_on_the_name_of_an_async_void_task() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static async void {|FLOW005:Load|}() => await Task.Yield();
        }
        """);

    [Fact]
    public Task Not_reported_for_async_Task_or_synchronous_void() => Verify.AnalyzerAsync("""
        [Flow("Import")]
        public static partial class Import
        {
            [FlowTask]
            public static async Task Load() => await Task.Yield();

            [FlowTask]
            public static void Save() { }
        }
        """);
}
