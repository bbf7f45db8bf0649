using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Flows.Docker.Tests.Support;

namespace Flows.Docker.Tests;

/// <summary>Create, start, wait, logs and remove on the real engine.</summary>
public sealed class ContainerRunTests
{
    [DockerFact]
    public async Task Runs_a_container_to_completion_and_reads_stdout_and_stderr_apart()
    {
        using var docker = await TestEngine.ConnectAsync();
        var id = await docker.CreateContainerAsync(TestEngine.Shell("echo out-1; echo err-1 >&2; echo out-2; printf 'no-newline' >&2"));
        try
        {
            await docker.StartContainerAsync(id);
            var exitCode = await docker.WaitContainerAsync(id).WaitAsync(TestEngine.HangGuard);
            var logs = await docker.GetContainerLogsAsync(id);

            Assert.Equal(0, exitCode);
            Assert.Equal("out-1\nout-2\n", logs.Stdout);
            Assert.Equal("err-1\nno-newline\n", logs.Stderr);
            Assert.Equal(["out-1", "out-2"], logs.Lines.Where(line => line.Stream == ContainerLogStream.Stdout).Select(line => line.Text));
        }
        finally
        {
            Assert.True(await docker.RemoveContainerAsync(id));
        }
        Assert.False(await docker.RemoveContainerAsync(id));
    }

    [DockerFact]
    public async Task A_non_zero_exit_code_is_returned_or_fails_the_wait_when_asked()
    {
        using var docker = await TestEngine.ConnectAsync();
        var id = await docker.CreateContainerAsync(TestEngine.Shell("exit 3"));
        try
        {
            await docker.StartContainerAsync(id);

            Assert.Equal(3, await docker.WaitContainerAsync(id).WaitAsync(TestEngine.HangGuard));
            var error = await Assert.ThrowsAsync<ContainerExitCodeException>(() => docker.WaitContainerAsync(id, failOnNonZeroExitCode: true));
            Assert.Equal(3, error.ExitCode);
            Assert.Equal($"Container {id[..12]} exited with code 3.", error.Message);
        }
        finally
        {
            await docker.RemoveContainerAsync(id, force: true);
        }
    }

    [DockerFact]
    public async Task Command_entrypoint_environment_working_directory_binds_volumes_labels_and_network_reach_the_container()
    {
        var host = Directory.CreateTempSubdirectory("flows-docker-bind-");
        await File.WriteAllTextAsync(Path.Combine(host.FullName, "input.txt"), "from-the-host");
        using var docker = await TestEngine.ConnectAsync();
        var spec = new ContainerSpec(TestEngine.Image)
        {
            Entrypoint = ["/bin/sh", "-c"],
            Command = ["echo \"$GREETING\"; pwd; cat /in/input.txt; echo; echo written > /out/result.txt; ls -d /scratch; cat /sys/class/net/*/operstate 2>/dev/null | wc -l"],
            Environment = new Dictionary<string, string> { ["GREETING"] = "hello from env" },
            WorkingDirectory = "/tmp",
            Binds = [$"{host.FullName}:/in:ro", $"{host.FullName}:/out"],
            Volumes = ["/scratch"],
            Labels = new Dictionary<string, string> { ["purpose"] = "test" },
            NetworkMode = "none",
        };
        var run = await docker.RunContainerAsync(spec, failOnNonZeroExitCode: true).WaitAsync(TestEngine.HangGuard);

        Assert.Equal(["hello from env", "/tmp", "from-the-host", "/scratch", "1"], run.Logs.Lines.Select(line => line.Text));
        Assert.Equal("written\n", await File.ReadAllTextAsync(Path.Combine(host.FullName, "result.txt")));
        host.Delete(recursive: true);
    }

    [DockerFact]
    public async Task Labels_are_set_and_the_host_network_can_be_used()
    {
        using var docker = await TestEngine.ConnectAsync();
        var id = await docker.CreateContainerAsync(ContainerSpec.Shell(TestEngine.Image, "hostname") with
        {
            NetworkMode = "host",
            Labels = new Dictionary<string, string> { ["purpose"] = "test" },
        });
        try
        {
            var inspected = await docker.Client.Containers.InspectContainerAsync(id);
            Assert.Equal("test", inspected.Config!.Labels["purpose"]);
            Assert.Equal("host", inspected.HostConfig!.NetworkMode);
            await docker.StartContainerAsync(id);
            await docker.WaitContainerAsync(id, failOnNonZeroExitCode: true).WaitAsync(TestEngine.HangGuard);
            Assert.Equal(Environment.MachineName + "\n", (await docker.GetContainerLogsAsync(id)).Stdout);
        }
        finally
        {
            await docker.RemoveContainerAsync(id, force: true);
        }
    }

    [DockerFact]
    public async Task Following_the_logs_yields_lines_while_the_container_runs_and_ends_when_it_stops()
    {
        var sync = Directory.CreateTempSubdirectory("flows-docker-follow-");
        using var docker = await TestEngine.ConnectAsync();
        var id = await docker.CreateContainerAsync(TestEngine.Shell("echo line-1; while ! test -f /sync/next; do sleep 0.1; done; echo line-2 >&2; echo line-3") with
        {
            Binds = [$"{sync.FullName}:/sync"],
        });
        try
        {
            await docker.StartContainerAsync(id);
            var seen = new List<ContainerLogLine>();
            using var limit = new System.Threading.CancellationTokenSource(TestEngine.HangGuard);
            await foreach (var line in docker.StreamContainerLogsAsync(id, new ContainerLogOptions { Follow = true }, limit.Token))
            {
                seen.Add(line);
                if (line.Text == "line-1")
                {
                    // The container is blocked until this file exists: the line came while it ran.
                    Assert.True((await docker.Client.Containers.InspectContainerAsync(id)).State!.Running);
                    await File.WriteAllTextAsync(Path.Combine(sync.FullName, "next"), "");
                }
            }

            // stdout and stderr are separate pipes: the daemon keeps each stream's order, not the order between them.
            Assert.Equal("line-1", seen[0].Text);
            Assert.Equal(["line-1", "line-3"], seen.Where(line => line.Stream == ContainerLogStream.Stdout).Select(line => line.Text));
            Assert.Equal(["line-2"], seen.Where(line => line.Stream == ContainerLogStream.Stderr).Select(line => line.Text));
            Assert.False((await docker.Client.Containers.InspectContainerAsync(id)).State!.Running);
        }
        finally
        {
            await docker.RemoveContainerAsync(id, force: true);
            sync.Delete(recursive: true);
        }
    }

    [DockerFact]
    public async Task Logs_can_also_go_to_the_logger_line_by_line()
    {
        var logger = new CapturingLogger();
        using var docker = await DockerEngine.ConnectAsync(new DockerConnectionOptions { Logger = logger });
        var id = await docker.CreateContainerAsync(TestEngine.Shell("echo to-out; echo to-err >&2"));
        try
        {
            await docker.StartContainerAsync(id);
            await docker.WaitContainerAsync(id).WaitAsync(TestEngine.HangGuard);
            await docker.GetContainerLogsAsync(id, new ContainerLogOptions { WriteToLogger = true });

            Assert.Contains($"Information: [{id[..12]} stdout] to-out", logger.Messages);
            Assert.Contains($"Warning: [{id[..12]} stderr] to-err", logger.Messages);
        }
        finally
        {
            await docker.RemoveContainerAsync(id, force: true);
        }
    }
}
