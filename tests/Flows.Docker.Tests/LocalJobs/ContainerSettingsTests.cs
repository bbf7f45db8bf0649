using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;
using Flows.Cli;
using Flows.Docker.LocalJobs.Running;
using Flows.Docker.Tests.Support;

namespace Flows.Docker.Tests.LocalJobs;

/// <summary>env (values, $(VAR) expansion, fieldRef), command and args, workingDir and resource limits reach the container.</summary>
public sealed class ContainerSettingsTests
{
    [DockerFact]
    public async Task Env_args_workingDir_and_limits_reach_the_container_and_keep_leaves_it_for_inspection()
    {
        var identifier = LocalJobCli.NewIdentifier();
        var job = LocalJobCli.Job(identifier, $$$"""
            initContainers:
            - name: greeter
              image: {{{TestEngine.Image}}}
              args: ["echo", "args alone replace the image's CMD"]
            containers:
            - name: main
              image: {{{TestEngine.Image}}}
              workingDir: /tmp
              command: ["/bin/sh", "-c", "pwd; echo \"$GREETING\"; echo \"$POD_NAME\"; echo \"$POD_NAMESPACE\"; echo \"$TEAM\"; echo \"$@\"; cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes", "script"]
              args: ["first", "$(GREETING)", "$$(GREETING)"]
              env:
              - name: NAME
                value: world
              - name: GREETING
                value: hello $(NAME)
              - name: POD_NAME
                valueFrom: {fieldRef: {fieldPath: metadata.name}}
              - name: POD_NAMESPACE
                valueFrom: {fieldRef: {fieldPath: metadata.namespace}}
              - name: TEAM
                valueFrom: {fieldRef: {fieldPath: "metadata.labels['team']"}}
              resources:
                limits: {cpu: 500m, memory: 64Mi}
                requests: {cpu: 250m, memory: 32Mi}
            """);

        try
        {
            var result = await LocalJobCli.RunAsync(job, "--keep", "--all-logs");

            Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
            var lines = result.OutputLines;
            Assert.Equal(7, lines.Count);
            Assert.Equal("/tmp", lines[0]);
            Assert.Equal("hello world", lines[1]);
            Assert.StartsWith("local-job-test-", lines[2]);
            Assert.Equal("local-job-test-".Length + 5, lines[2].Length);
            Assert.Equal(["flows-test", "data", "first hello world $(GREETING)", "67108864"], lines.Skip(3));
            Assert.Contains("[greeter] args alone replace the image's CMD", result.Error);
            Assert.Contains("--keep", result.Error);

            using var docker = await TestEngine.ConnectAsync();
            var containers = await LocalPodCleanup.FindContainersAsync(docker.Client, identifier, CancellationToken.None);
            Assert.Equal(3, containers.Count);
            var inspected = await Task.WhenAll(containers.Select(id => docker.Client.Containers.InspectContainerAsync(id)));
            var main = inspected.Single(c => c.Config!.Labels![LocalJobLabels.Container] == "main");
            Assert.Equal(67108864, main.HostConfig!.Memory);
            Assert.Equal(67108864, main.HostConfig!.MemorySwap);
            Assert.Equal(500_000_000, main.HostConfig!.NanoCPUs);
            Assert.Equal(256, main.HostConfig!.CPUShares);
            Assert.Equal("/tmp", main.Config!.WorkingDir);
            Assert.Equal(["first", "hello world", "$(GREETING)"], main.Config!.Cmd);
            Assert.Contains("GREETING=hello world", main.Config!.Env);
            var infra = inspected.Single(c => c.Config!.Labels![LocalJobLabels.Role] == "infra");
            Assert.Equal("none", infra.HostConfig!.NetworkMode);
            Assert.Equal("container:" + infra.ID, main.HostConfig!.NetworkMode);
            Assert.Equal(lines[2], infra.Config!.Hostname);
            Assert.All(inspected, c => Assert.False(c.State!.Running));

            // The kept run's identifier is taken: running the same Job again is refused before anything starts.
            var again = await LocalJobCli.RunAsync(job);
            Assert.True(again.ExitCode == ExitCodes.UsageError, again.ToString());
            Assert.Contains($"of a run with identifier {identifier} are still on the engine", again.Error);
            Assert.Equal(3, (await LocalPodCleanup.FindContainersAsync(docker.Client, identifier, CancellationToken.None)).Count);
        }
        finally
        {
            await LocalJobCli.RemoveAsync(identifier);
        }
        await LocalJobCli.AssertNothingLeftAsync(identifier);
    }
}
