using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Flows.EndToEnd.Tests;

namespace Flows.Cluster.Tests.Support;

/// <summary>The lane's cluster as kubectl and docker see it: KUBECONFIG, else tests/cluster/up.sh's kubeconfig.</summary>
internal static class LaneCluster
{
    public const string DefaultKubeconfig = "/tmp/flows-k8s/admin.kubeconfig";

    private static readonly string Docker = File.Exists("/usr/bin/docker") ? "/usr/bin/docker" : "docker";
    private static readonly SemaphoreSlim ReachableCheck = new(1);
    private static bool _reachable;

    public static string Kubeconfig { get; } =
        Environment.GetEnvironmentVariable("KUBECONFIG") is { Length: > 0 } configured ? configured : DefaultKubeconfig;

    /// <summary>The folder of up.sh's PID files, logs and state.</summary>
    public static string StateFolder { get; } = Environment.GetEnvironmentVariable("FLOWS_K8S_STATE") is { Length: > 0 } state ? state : "/tmp/flows-k8s";

    /// <summary>The environment of every process the lane starts: this cluster, English messages.</summary>
    public static Dictionary<string, string> ProcessEnvironment => new() { ["KUBECONFIG"] = Kubeconfig, ["DOTNET_NOLOGO"] = "1" };

    public static Task<ProcessResult> KubectlAsync(params string[] arguments) => KubectlAsync(TimeSpan.FromMinutes(2), arguments);

    public static Task<ProcessResult> KubectlAsync(TimeSpan timeout, params string[] arguments) =>
        ProcessRunner.RunAsync("kubectl", arguments, RepositoryPaths.Root, timeout, ProcessEnvironment);

    /// <summary>kubectl with <c>-f FILE</c>, FILE holding <paramref name="yaml"/> (a temporary file, deleted afterwards).</summary>
    public static async Task<ProcessResult> KubectlWithFileAsync(string yaml, params string[] arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"flows-lane-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, yaml);
        try
        {
            return await KubectlAsync([.. arguments, "-f", file]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static Task<ProcessResult> DockerAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(Docker, arguments, RepositoryPaths.Root, TimeSpan.FromMinutes(2));

    /// <summary>Fails the test, with what kubectl said and how to start the cluster, when the API server does not answer.</summary>
    public static async Task EnsureReachableAsync()
    {
        await ReachableCheck.WaitAsync();
        try
        {
            if (_reachable)
            {
                return;
            }
            var ready = await KubectlAsync(TimeSpan.FromSeconds(30), "get", "--raw", "/readyz", "--request-timeout=10s");
            var node = await KubectlAsync(TimeSpan.FromSeconds(30), "get", "node", "localhost", "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}");
            Assert.True(ready.ExitCode == 0 && node.Output.Trim() == "True",
                $"The lane's cluster is not reachable or its node is not Ready (KUBECONFIG={Kubeconfig}). "
                + $"Start it with: export KUBECONFIG=$(bash tests/cluster/up.sh)\n--- readyz\n{ready}\n--- node\n{node}");
            _reachable = true;
        }
        finally
        {
            ReachableCheck.Release();
        }
    }

    /// <summary>
    /// Waits (at most <paramref name="limit"/>) until no Job, no pod and no running container of the run is left,
    /// and fails with what is left otherwise. Pods in their grace period count as left until they are gone.
    /// Exited containers of deleted pods are the kubelet's to remove (its container garbage collection runs once
    /// a minute); they hold nothing and are not counted.
    /// </summary>
    public static async Task AssertNothingLeftAsync(string @namespace, string identifier, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        string left;
        do
        {
            left = await WhatIsLeftAsync(@namespace, identifier);
            if (left.Length == 0)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"The run with identifier {identifier} left, {limit.TotalSeconds:0} s after it ended:\n{left}");
    }

    public static async Task<string> WhatIsLeftAsync(string @namespace, string identifier)
    {
        var objects = await KubectlAsync("get", "jobs,pods", "-n", @namespace, "-l", "identifier=" + identifier, "-o", "name");
        Assert.True(objects.ExitCode == 0, objects.ToString());
        // The kubelet's containers carry the pod's namespace; each test has a namespace of its own.
        var containers = await DockerAsync("ps", "--filter", "label=io.kubernetes.pod.namespace=" + @namespace, "--format", "{{.Names}} {{.Status}}");
        Assert.True(containers.ExitCode == 0, containers.ToString());
        return string.Join("\n", new[] { objects.Output.Trim(), containers.Output.Trim() }.Where(part => part.Length > 0));
    }
}
