using System.CommandLine;
using System.IO;
using Flows.Cli;
using Flows.Docker.Cli;
using Flows.Docker.PodTasks;
using Microsoft.Extensions.Logging.Abstractions;

namespace Flows.Docker.Tests.PodTasks;

/// <summary>The Docker extension offers the local pod runner as <c>run --pod-tasks local</c> (no engine needed).</summary>
public sealed class LocalPodTaskRunnerRegistrationTests
{
    [Fact]
    public void The_docker_extension_registers_the_local_pod_runner()
    {
        var context = new FlowsCommandLineContext([], TextWriter.Null, TextWriter.Null);
        new DockerCommandLineExtension().AddCommands(new RootCommand(), context);
        var flow = PodTaskFlows.Flow(PodTaskFlows.SharedVolumePod, "true");

        Assert.Contains(context.PodTaskRunners, runner => runner.Key == "local" && runner.Value.Contains("local Docker engine"));
        Assert.True(context.TryCreatePodTaskRunner("local", new PodTaskRunnerSettings(flow, null, NullLoggerFactory.Instance, TextWriter.Null, TextWriter.Null), out var created));
        using var local = Assert.IsType<LocalPodTaskRunner>(created);
        Assert.StartsWith("on the local Docker engine at ", local.Description);
    }
}
