using System;
using System.Threading;
using System.Threading.Tasks;
using Flows.Docker;
using Flows.Docker.Tests.Support;

namespace Flows.EndToEnd.Tests;

/// <summary>The seed 000 sample, built and run as a user would, on the real Docker engine (scripts/setup-docker.sh).</summary>
[Trait("Category", "EndToEnd")]
public sealed class DockerPipelineEndToEndTests
{
    private static string NewRunId() => "e2e-" + Guid.NewGuid().ToString("N")[..16];

    private static async Task AssertNoContainerLeftAsync(string runId)
    {
        using var docker = await DockerEngine.ConnectAsync();
        Assert.Empty(await docker.FindContainersOfRunAsync(runId));
    }

    [DockerFact]
    public async Task The_inner_output_reaches_the_logs_task()
    {
        var runId = NewRunId();
        var result = await SampleApps.RunAsync("DockerPipeline", "run", "--flow-run-id", runId, "--param", "command=echo inner-says-hi");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("inner-says-hi", result.Output);
        Assert.Matches(@"GetContainerLogs\s+Success", result.Output);
        await AssertNoContainerLeftAsync(runId);
    }

    [DockerFact]
    public async Task A_failing_container_fails_the_run_but_always_run_logs_still_run()
    {
        var runId = NewRunId();
        var result = await SampleApps.RunAsync("DockerPipeline", "run", "--flow-run-id", runId, "--param", "command=echo before-failure; exit 3");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Matches(@"WaitOnContainer\s+Failed\s+1", result.Output);
        Assert.Matches(@"GetContainerLogs\s+Success\s+1", result.Output);
        Assert.Contains("before-failure", result.Output);
        Assert.Contains("exited with code 3", result.Error);
        await AssertNoContainerLeftAsync(runId);
    }

    [DockerFact]
    public async Task Sigterm_cancels_the_running_task_still_runs_always_run_removes_the_container_and_exits_130()
    {
        var runId = NewRunId();
        var dll = await SampleApps.BuiltEntryPointAsync("DockerPipeline");
        using var app = ProcessRunner.Start("dotnet", new[] { dll, "run", "--flow-run-id", runId, "--param", "command=echo started; sleep 30" }, RepositoryPaths.Root);
        await app.WaitForOutputAsync("WaitOnContainer   Running", TimeSpan.FromSeconds(60));
        await WaitForContainerOutputAsync(runId, "started");

        using (var kill = ProcessRunner.Start("kill", new[] { "-TERM", app.Id.ToString() }, RepositoryPaths.Root))
        {
            Assert.Equal(0, (await kill.WaitAsync(TimeSpan.FromSeconds(10))).ExitCode);
        }
        var result = await app.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.Matches(@"WaitOnContainer\s+Cancelled", result.Output);
        Assert.Matches(@"GetContainerLogs\s+Success", result.Output);
        Assert.Contains("started", result.Output);
        Assert.Contains(": Cancelled in", result.Output);
        await AssertNoContainerLeftAsync(runId);
    }

    /// <summary>Waits until the run's container has written <paramref name="text"/>, so the logs task has something to read.</summary>
    private static async Task WaitForContainerOutputAsync(string runId, string text)
    {
        using var docker = await DockerEngine.ConnectAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            foreach (var id in await docker.FindContainersOfRunAsync(runId, limit.Token))
            {
                if ((await docker.GetContainerLogsAsync(id, cancellationToken: limit.Token)).Stdout.Contains(text, StringComparison.Ordinal))
                {
                    return;
                }
            }
            await Task.Delay(100, limit.Token);
        }
    }
}
