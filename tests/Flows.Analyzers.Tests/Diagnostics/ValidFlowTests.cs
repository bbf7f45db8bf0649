using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;

namespace Flows.Analyzers.Tests.Diagnostics;

public class ValidFlowTests
{
    [Fact]
    public Task Flow_using_every_feature_has_no_diagnostics() => Verify.AnalyzerAsync("""
        namespace Shop;

        public enum Region { North, South }

        [Flow("Nightly import", Description = "Imports the orders of the day")]
        public static partial class NightlyImport
        {
            [FlowTask(Retries = 2, RetryDelaySeconds = 1.5, TimeoutSeconds = 30)]
            public static async Task<int[]> Download([FlowParameter("day-count")] int days = 7, CancellationToken cancellationToken = default)
            {
                await Task.Delay(1, cancellationToken);
                return new int[days];
            }

            [FlowTask]
            public static ValueTask Prepare(TaskRunContext context, [FlowParameter] Region region = Region.North) => default;

            [FlowTask]
            public static long Count([FromTask(nameof(Download))] int[] orders) => orders.Length;

            [FlowTask(Trigger = TaskTrigger.AllFinished)]
            [DependsOn(nameof(Prepare))]
            public static ValueTask<string> Report([FromTask(nameof(Count))] long count, [FlowParameter("day-count")] int days = 7) =>
                new($"{count} orders in {days} days");

            [FlowTask]
            [DependsOn(nameof(Report), nameof(Prepare))]
            public static void Done([FromTask(nameof(Report))] object text) { }

            public static void NotATask(int anything) { }
        }
        """);
}
