using System;
using System.Threading.Tasks;

namespace Flows.EndToEnd.Tests;

[Trait("Category", "EndToEnd")]
public sealed class DockerPipelineEndToEndTests
{
    [Fact]
    public async Task The_inner_output_reaches_the_logs_task()
    {
        var result = await SampleApps.RunAsync("DockerPipeline", "run", "--param", "command=echo inner-says-hi");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("inner-says-hi", result.Output);
        Assert.Matches(@"GetContainerLogs\s+Success", result.Output);
    }

    [Fact]
    public async Task A_failing_container_fails_the_run_but_always_run_logs_still_run()
    {
        var result = await SampleApps.RunAsync("DockerPipeline", "run", "--param", "command=echo before-failure; exit 3");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Matches(@"WaitOnContainer\s+Failed\s+1", result.Output);
        Assert.Matches(@"GetContainerLogs\s+Success\s+1", result.Output);
        Assert.Contains("before-failure", result.Output);
        Assert.Contains("exited with code 3", result.Error);
    }

    [Fact]
    public async Task Sigterm_cancels_the_running_task_still_runs_always_run_and_exits_130()
    {
        var dll = await SampleApps.BuiltEntryPointAsync("DockerPipeline");
        using var app = ProcessRunner.Start("dotnet", new[] { dll, "run", "--param", "command=echo started; sleep 30" }, RepositoryPaths.Root);
        await app.WaitForOutputAsync("WaitOnContainer   Running", TimeSpan.FromSeconds(60));

        using (var kill = ProcessRunner.Start("kill", new[] { "-TERM", app.Id.ToString() }, RepositoryPaths.Root))
        {
            Assert.Equal(0, (await kill.WaitAsync(TimeSpan.FromSeconds(10))).ExitCode);
        }
        var result = await app.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.Matches(@"WaitOnContainer\s+Cancelled", result.Output);
        Assert.Matches(@"GetContainerLogs\s+Success", result.Output);
        Assert.Contains("started", result.Output);
        Assert.Contains(": Cancelled in", result.Output);
    }
}
