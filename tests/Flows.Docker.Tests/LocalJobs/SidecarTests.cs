using System.Diagnostics;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Docker.Tests.Support;

namespace Flows.Docker.Tests.LocalJobs;

/// <summary>The pod's containers share one network namespace (loopback only), and a sidecar does not keep the run alive.</summary>
public sealed class SidecarTests
{
    /// <summary>Tries localhost:PORT every 0.1 s for up to 10 s (the sidecar may start after the primary).</summary>
    private static string Connect(int port) =>
        $"i=0; while [ $i -lt 100 ]; do busybox nc localhost {port} </dev/null 2>/dev/null && exit 0; sleep 0.1; i=$((i+1)); done; echo nobody on localhost:{port} >&2; exit 1";

    [DockerFact]
    public async Task A_sidecar_serving_a_port_is_reachable_on_localhost_from_the_primary()
    {
        var identifier = LocalJobCli.NewIdentifier();
        var job = LocalJobCli.Job(identifier, $"""
            containers:
            - name: main
              image: {TestEngine.Image}
              command: ["/bin/sh", "-c", "{Connect(8080)}"]
            - name: server
              image: {TestEngine.Image}
              command: ["busybox", "nc", "-l", "-p", "8080", "-e", "echo", "hi from the sidecar"]
            """);

        var result = await LocalJobCli.RunAsync(job);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(["hi from the sidecar"], result.OutputLines);
        await LocalJobCli.AssertNothingLeftAsync(identifier);
    }

    [DockerFact]
    public async Task When_the_primary_ends_a_sidecar_that_would_run_for_ever_is_stopped_and_everything_is_removed()
    {
        var identifier = LocalJobCli.NewIdentifier();
        var job = LocalJobCli.Job(identifier, $"""
            containers:
            - name: main
              image: {TestEngine.Image}
              command: ["/bin/sh", "-c", "sleep 1; echo done"]
              volumeMounts:
              - name: cache
                mountPath: /cache
            - name: forever
              image: {TestEngine.Image}
              command: ["sleep", "100000"]
              volumeMounts:
              - name: cache
                mountPath: /cache
            volumes:
            - name: cache
              emptyDir: {"{}"}
            """);
        var clock = Stopwatch.StartNew();

        var result = await LocalJobCli.RunAsync(job);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(["done"], result.OutputLines);
        Assert.Contains("Stopped container 'forever' (it was still running", result.Error);
        // sleep as PID 1 ignores SIGTERM: it is killed after the 2 s default grace period, not Kubernetes' 30 s.
        Assert.True(clock.Elapsed.TotalSeconds < 20, $"took {clock.Elapsed}\n{result}");
        await LocalJobCli.AssertNothingLeftAsync(identifier);
    }

    [DockerFact]
    public async Task Init_containers_run_in_order_first_and_a_native_sidecar_keeps_running_beside_the_containers()
    {
        var identifier = LocalJobCli.NewIdentifier();
        var job = LocalJobCli.Job(identifier, $"""
            initContainers:
            - name: prepare
              image: {TestEngine.Image}
              command: ["/bin/sh", "-c", "echo prepared > /work/ready"]
              volumeMounts:
              - name: work
                mountPath: /work
            - name: server
              image: {TestEngine.Image}
              restartPolicy: Always
              command: ["/bin/sh", "-c", "while true; do busybox nc -l -p 9090 -e echo from the native sidecar; done"]
            - name: check
              image: {TestEngine.Image}
              args: ["/bin/sh", "-c", "cat /work/ready"]
              volumeMounts:
              - name: work
                mountPath: /work
            containers:
            - name: main
              image: {TestEngine.Image}
              command: ["/bin/sh", "-c", "cat /work/ready; {Connect(9090)}"]
              volumeMounts:
              - name: work
                mountPath: /work
            volumes:
            - name: work
              emptyDir: {"{}"}
            """);

        var result = await LocalJobCli.RunAsync(job, "--all-logs", "--grace-period", "0");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(["prepared", "from the native sidecar"], result.OutputLines);
        Assert.Contains("[check] prepared", result.Error);
        Assert.Contains("Init container 'check' completed.", result.Error);
        Assert.Contains("Started sidecar 'server'", result.Error);
        await LocalJobCli.AssertNothingLeftAsync(identifier);
    }
}
