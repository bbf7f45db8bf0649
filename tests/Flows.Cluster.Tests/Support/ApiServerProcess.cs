using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Flows.EndToEnd.Tests;

namespace Flows.Cluster.Tests.Support;

/// <summary>The cluster's kube-apiserver process, by the PID file of tests/cluster/up.sh: stopped and started again for real.</summary>
internal static class ApiServerProcess
{
    private static string PidFile => Path.Combine(LaneCluster.StateFolder, "pids", "kube-apiserver");

    /// <summary>Stops the API server (SIGTERM, then SIGKILL: 1.20 can hang on SIGTERM) and waits until it is gone.</summary>
    public static async Task StopAsync()
    {
        Assert.True(File.Exists(PidFile), $"no PID file {PidFile}: was the cluster started by tests/cluster/up.sh?");
        var pid = int.Parse(File.ReadAllText(PidFile).Trim());
        using var process = Process.GetProcessById(pid);
        await SignalAsync("TERM", pid);
        if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
        {
            await SignalAsync("KILL", pid);
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(10)), $"kube-apiserver {pid} did not end");
        }
    }

    /// <summary>Starts what is missing of the cluster again (up.sh starts only the components that are not running) and waits until it answers.</summary>
    public static async Task StartAsync()
    {
        var up = await ProcessRunner.RunAsync("bash", [Path.Combine(RepositoryPaths.Root, "tests", "cluster", "up.sh")], RepositoryPaths.Root, TimeSpan.FromMinutes(3));
        Assert.True(up.ExitCode == 0, "tests/cluster/up.sh could not start the API server again:\n" + up);
    }

    public static async Task SignalAsync(string signal, int pid)
    {
        var kill = await ProcessRunner.RunAsync("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)], RepositoryPaths.Root, TimeSpan.FromSeconds(10));
        Assert.True(kill.ExitCode == 0, kill.ToString());
    }
}
