using System;
using System.Threading.Tasks;
using Flows.Docker.Tests.Fixtures;
using Flows.Docker.Tests.Support;

namespace Flows.Docker.Tests;

[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

/// <summary>FLOWS_DOCKER_KEEP_CONTAINERS keeps a failed run's containers (it changes this process's environment: run alone).</summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class KeepContainersTests
{
    [DockerFact]
    public async Task FLOWS_DOCKER_KEEP_CONTAINERS_keeps_the_containers_of_a_failed_run()
    {
        var runId = TestEngine.NewRunId();
        Environment.SetEnvironmentVariable("FLOWS_DOCKER_KEEP_CONTAINERS", "1");
        FlowRunResult result;
        try
        {
            result = await ContainerLifecycleFlow.RunAsync(new FlowRunOptions
            {
                FlowRunId = runId,
                Parameters = FlowParameterValues.From(("command", "exit 4")),
            }).WaitAsync(TestEngine.HangGuard);
        }
        finally
        {
            Environment.SetEnvironmentVariable("FLOWS_DOCKER_KEEP_CONTAINERS", null);
        }

        Assert.Equal(FlowRunState.Failed, result.State);
        using var docker = await TestEngine.ConnectAsync();
        var id = Assert.Single(await docker.FindContainersOfRunAsync(runId));
        await docker.RemoveContainerAsync(id);
    }
}
