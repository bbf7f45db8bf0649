using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;
using Flows.Cli;
using Flows.Docker.LocalJobs.Running;
using Flows.Docker.Tests.Support;

namespace Flows.Docker.Tests.LocalJobs;

/// <summary>The command's exit code is the primary's result: 0, or 1 with the code printed; 130 on Ctrl+C; 1 past activeDeadlineSeconds.</summary>
public sealed class ExitCodeTests
{
    [DockerFact]
    public async Task A_failing_primary_gives_exit_1_and_its_code()
    {
        var identifier = LocalJobCli.NewIdentifier();
        var job = LocalJobCli.Job(identifier, $"""
            containers:
            - name: main
              image: {TestEngine.Image}
              command: ["/bin/sh", "-c", "echo about to fail; echo on stderr >&2; exit 3"]
            """);

        var result = await LocalJobCli.RunAsync(job);

        Assert.True(result.ExitCode == ExitCodes.Failed, result.ToString());
        Assert.Equal(["about to fail"], result.OutputLines);
        Assert.Contains("on stderr", result.Error);
        Assert.Contains("error: the run failed: the primary container 'main' exited with code 3.", result.Error);
        await LocalJobCli.AssertNothingLeftAsync(identifier);
    }

    [DockerFact]
    public async Task A_failing_init_container_fails_the_run_with_its_output_and_the_containers_never_start()
    {
        var identifier = LocalJobCli.NewIdentifier();
        var job = LocalJobCli.Job(identifier, $"""
            initContainers:
            - name: migrate
              image: {TestEngine.Image}
              command: ["/bin/sh", "-c", "echo cannot migrate; exit 2"]
            containers:
            - name: main
              image: {TestEngine.Image}
              command: ["echo", "should not run"]
            """);

        var result = await LocalJobCli.RunAsync(job);

        Assert.True(result.ExitCode == ExitCodes.Failed, result.ToString());
        Assert.Equal("", result.Output);
        Assert.Contains("[migrate] cannot migrate", result.Error);
        Assert.Contains("init container 'migrate' exited with code 2", result.Error);
        await LocalJobCli.AssertNothingLeftAsync(identifier);
    }

    [DockerFact]
    public async Task Ctrl_C_stops_the_pod_with_SIGTERM_shows_what_the_primary_printed_then_removes_it_and_gives_130()
    {
        var identifier = LocalJobCli.NewIdentifier();
        var job = LocalJobCli.Job(identifier, $"""
            containers:
            - name: main
              image: {TestEngine.Image}
              command: ["/bin/sh", "-c", "trap 'echo got SIGTERM; exit 143' TERM; while true; do sleep 0.1; done"]
            - name: sidecar
              image: {TestEngine.Image}
              command: ["sleep", "100000"]
            volumes:
            - name: unused
              emptyDir: {"{}"}
            """);
        using var interrupt = new CancellationTokenSource();

        var run = LocalJobCli.RunAsync(job, interrupt.Token);
        await WaitUntilRunningAsync(identifier, "sidecar");
        interrupt.Cancel();
        var result = await run;

        Assert.True(result.ExitCode == ExitCodes.Cancelled, result.ToString());
        Assert.Equal(["got SIGTERM"], result.OutputLines);
        Assert.Contains("Interrupted (Ctrl+C or SIGTERM): the pod was stopped and removed.", result.Error);
        await LocalJobCli.AssertNothingLeftAsync(identifier);
    }

    [DockerFact]
    public async Task A_job_past_its_activeDeadlineSeconds_fails_with_DeadlineExceeded()
    {
        var identifier = LocalJobCli.NewIdentifier();
        var job = LocalJobCli.Job(identifier, $"""
            containers:
            - name: main
              image: {TestEngine.Image}
              command: ["sleep", "100000"]
            """).Replace("  backoffLimit: 0", "  backoffLimit: 0\n  activeDeadlineSeconds: 2");

        var result = await LocalJobCli.RunAsync(job, "--grace-period", "0");

        Assert.True(result.ExitCode == ExitCodes.Failed, result.ToString());
        Assert.Contains("DeadlineExceeded: the Job was active longer than its activeDeadlineSeconds (2 s)", result.Error);
        await LocalJobCli.AssertNothingLeftAsync(identifier);
    }

    private static async Task WaitUntilRunningAsync(string identifier, string container)
    {
        using var docker = await TestEngine.ConnectAsync();
        var until = DateTime.UtcNow + TestEngine.HangGuard;
        while (DateTime.UtcNow < until)
        {
            var running = await docker.Client.Containers.ListContainersAsync(new ContainersListParameters
            {
                Filters = new System.Collections.Generic.Dictionary<string, System.Collections.Generic.IDictionary<string, bool>>
                {
                    ["label"] = new System.Collections.Generic.Dictionary<string, bool>
                    {
                        [LocalJobLabels.Filter(identifier)] = true,
                        [$"{LocalJobLabels.Container}={container}"] = true,
                    },
                },
            });
            if (running.Any())
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"container '{container}' of run {identifier} did not start");
    }
}
