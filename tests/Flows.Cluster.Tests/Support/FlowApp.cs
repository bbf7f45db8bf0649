using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Flows.EndToEnd.Tests;

namespace Flows.Cluster.Tests.Support;

/// <summary>
/// A flow application of the lane, built by this test project's build (a ProjectReference), run through its
/// generated entrypoint as a user would (<c>dotnet App.dll submit ...</c>) with the lane's KUBECONFIG.
/// </summary>
internal sealed record FlowApp(string Name, string ProjectFolder)
{
    public static readonly FlowApp HelloFlow = new("HelloFlow", Path.Combine(RepositoryPaths.Root, "samples", "HelloFlow"));
    public static readonly FlowApp DockerPipeline = new("DockerPipeline", Path.Combine(RepositoryPaths.Root, "samples", "DockerPipeline"));
    public static readonly FlowApp DockerPipelineOnNode = new("DockerPipelineOnNode", Path.Combine(RepositoryPaths.Root, "samples", "DockerPipelineOnNode"));
    public static readonly FlowApp SidecarFlow = new("SidecarFlow", Path.Combine(RepositoryPaths.Root, "samples", "SidecarFlow"));
    public static readonly FlowApp ClusterApp = new("ClusterApp", Path.Combine(RepositoryPaths.Root, "tests", "Flows.Cluster.Tests", "Fixtures", "ClusterApp"));

    public static readonly FlowApp[] All = [HelloFlow, DockerPipeline, DockerPipelineOnNode, SidecarFlow, ClusterApp];

    private static readonly ConcurrentDictionary<string, Lazy<Task<ProcessResult>>> ImageBuilds = new();

    private static readonly string Configuration =
        typeof(FlowApp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;

    public string Dll => Path.Combine(ProjectFolder, "bin", Configuration, "net10.0", Name + ".dll");

    public Task<ProcessResult> RunAsync(params string[] arguments) => RunAsync(TimeSpan.FromMinutes(3), arguments);

    public Task<ProcessResult> RunAsync(TimeSpan timeout, params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", [Dll, .. arguments], RepositoryPaths.Root, timeout, LaneCluster.ProcessEnvironment);

    /// <summary>Starts the entrypoint and returns at once (for faults injected while it runs).</summary>
    public ProcessRunner Start(params string[] arguments) =>
        ProcessRunner.Start("dotnet", [Dll, .. arguments], RepositoryPaths.Root, LaneCluster.ProcessEnvironment);

    /// <summary>Starts the entrypoint with <paramref name="environment"/> added to the lane's (e.g. a secret parameter's variable).</summary>
    public ProcessRunner Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var all = LaneCluster.ProcessEnvironment;
        foreach (var (name, value) in environment)
        {
            all[name] = value;
        }
        return ProcessRunner.Start("dotnet", [Dll, .. arguments], RepositoryPaths.Root, all);
    }

    /// <summary>
    /// The image reference of <c>build --flow FLOW --push</c> (Flows.Docker's Docker storage: publish, image
    /// build, check, push to 127.0.0.1:5000), run once per test run and application; fails the test with the
    /// build's output when it failed.
    /// </summary>
    public async Task<string> PushedImageAsync(string flow)
    {
        var build = await ImageBuilds.GetOrAdd(Name, _ => new Lazy<Task<ProcessResult>>(
            () => RunAsync(StepLimits.ImageBuild, "build", "--flow", flow, "--push"))).Value;
        Assert.True(build.ExitCode == 0, $"{Name} build --push failed:\n{build}");
        var pushed = build.Output.Split('\n').Select(line => line.TrimEnd('\r')).FirstOrDefault(line => line.StartsWith("pushed: ", StringComparison.Ordinal));
        Assert.True(pushed is not null, $"{Name} build --push printed no 'pushed:' line:\n{build}");
        return pushed!["pushed: ".Length..];
    }
}
