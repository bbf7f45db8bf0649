using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Kubernetes.Tests.ApiDouble;
using Flows.Kubernetes.Tests.Support;

namespace Flows.Kubernetes.Tests;

/// <summary>Ctrl+C and SIGTERM reach submit as the cancellation of its token (FlowsCommandLine turns both into one).</summary>
public class InterruptTests
{
    private static Func<ScriptedPod, Task> RunUntilInterrupted(CancellationTokenSource interrupt, SignallingStringWriter output) => async pod =>
    {
        pod.Schedule();
        pod.Start();
        pod.Log("flow", "working");
        await pod.WaitUntilAsync(a => a.ActiveLogStreams >= 1 && a.Requests.Count(r => r.IsWatch) >= 2, "follow the run");
        // Interrupted once the log line has reached the terminal: a line still on its way when Ctrl+C comes may be lost.
        await output.Seen.WaitAsync(TimeSpan.FromSeconds(30));
        await interrupt.CancelAsync();
    };

    [Fact]
    public async Task An_interrupted_submit_deletes_the_job_says_so_and_exits_130()
    {
        await using var api = new KubernetesApiDouble();
        using var interrupt = new CancellationTokenSource();
        var output = new SignallingStringWriter("working\n");
        api.PodScript = RunUntilInterrupted(interrupt, output);
        var flow = TestFlows.Create();

        var result = await KubernetesCli.RunAsync(api, KubernetesCli.Settings(api), [flow], output, interrupt.Token, "submit", "--follow", "--flow-run-id", "interrupted");

        Assert.True(result.ExitCode == ExitCodes.Cancelled, result.ToString());
        var run = TestFlows.RunInfo(flow, "interrupted");
        Assert.Contains($"Interrupted (Ctrl+C or SIGTERM) while Job flows-test/{run.JobName} was running.", result.ErrorLines);
        Assert.Contains($"Deleted after the interruption Job flows-test/{run.JobName} and pod flows-test/{run.JobName}-00001 (propagationPolicy=Background).", result.ErrorLines);
        Assert.Empty(api.Store.List("jobs", TestFlows.Namespace, _ => true).Items);
        Assert.Equal(["working"], result.OutputLines);
    }

    [Fact]
    public async Task An_interrupted_submit_with_keep_leaves_the_job_running_and_says_how_to_remove_it()
    {
        await using var api = new KubernetesApiDouble();
        using var interrupt = new CancellationTokenSource();
        var output = new SignallingStringWriter("working\n");
        api.PodScript = RunUntilInterrupted(interrupt, output);
        var flow = TestFlows.Create();

        var result = await KubernetesCli.RunAsync(api, KubernetesCli.Settings(api), [flow], output, interrupt.Token, "submit", "--follow", "--keep", "--flow-run-id", "interrupted-keep");

        Assert.True(result.ExitCode == ExitCodes.Cancelled, result.ToString());
        Assert.DoesNotContain(api.Requests, r => r.Method == "DELETE");
        Assert.Contains("(--keep): it goes on running. Remove it with: cleanup --flow-run-id interrupted-keep --namespace flows-test", result.Error);
    }
}
