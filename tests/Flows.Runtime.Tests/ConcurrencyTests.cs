using System.Threading.Tasks;
using Flows.Runtime.Tests.Fixtures;
using Flows.Runtime.Tests.Support;

namespace Flows.Runtime.Tests;

public class ConcurrencyTests
{
    [Fact]
    public async Task Independent_tasks_run_at_the_same_time_when_parallelism_allows()
    {
        using var probe = RunProbe.Start();

        // Each task waits until the other one is running: both succeed only if they overlap.
        var result = await ParallelFlow.RunAsync(Options(probe, maxParallelism: 2, ParallelFlow.Meet));

        Assert.True(result.IsSuccess, Describe(result));
        Assert.Equal(2, probe.MaxConcurrentlyRunning);
    }

    [Fact]
    public async Task MaxParallelism_one_runs_one_task_at_a_time()
    {
        using var probe = RunProbe.Start();

        var result = await ParallelFlow.RunAsync(Options(probe, maxParallelism: 1, "count"));

        Assert.True(result.IsSuccess, Describe(result));
        Assert.Equal(1, probe.MaxConcurrentlyRunning);
        Assert.Equal(["start:Left", "end:Left", "start:Right", "end:Right"], probe.Events);
    }

    [Fact]
    public async Task MaxParallelism_one_keeps_the_second_task_waiting_while_the_first_runs()
    {
        // The converse of the first test: with one slot the first task waits for a rendezvous that
        // cannot happen. Cancelling the run then shows that the other task never started.
        using var probe = RunProbe.Start();
        using var cancellation = new System.Threading.CancellationTokenSource();
        var run = ParallelFlow.RunAsync(Options(probe, maxParallelism: 1, ParallelFlow.Meet), cancellation.Token);

        await Task.WhenAny(probe.WhenSignalled("Left"), probe.WhenSignalled("Right"));
        cancellation.Cancel();
        var result = await run.WaitAsync(RunProbe.HangGuard);

        Assert.Equal(FlowRunState.Cancelled, result.State);
        Assert.Equal(1, probe.MaxConcurrentlyRunning);
        Assert.Single(probe.Events);
    }

    private static FlowRunOptions Options(RunProbe probe, int maxParallelism, string mode) => new()
    {
        FlowRunId = probe.RunId,
        MaxParallelism = maxParallelism,
        Parameters = FlowParameterValues.From(("mode", mode)),
    };

    private static string Describe(FlowRunResult result) =>
        string.Join("; ", System.Linq.Enumerable.Select(result.Tasks, t => $"{t.Name} {t.State} {t.Message}"));
}
