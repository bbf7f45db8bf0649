using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Docker.LocalJobs.Running;
using Flows.Docker.PodTasks;
using Microsoft.Extensions.Logging;

namespace Flows.Docker.Cli;

/// <summary>
/// The Docker commands of the generated entrypoint (it adds them when the project references Flows.Docker):
/// <c>build</c> (Docker storage: publish, build, check and push the flow's image) and
/// <c>run-job-locally</c> (run a rendered Job's pod on the local engine, as a kubelet would); and the pod runner
/// <c>run --pod-tasks local</c> (<see cref="LocalPodTaskRunner"/>, on the engine at DOCKER_HOST, else the local socket).
/// </summary>
public sealed class DockerCommandLineExtension : IFlowsCommandLineExtension
{
    public void AddCommands(RootCommand root, FlowsCommandLineContext context)
    {
        foreach (var command in DockerCommands.Create(context))
        {
            root.Subcommands.Add(command);
        }
        context.AddPodTaskRunner("local", "each pod task's Pod on the local Docker engine, as a kubelet would run it",
            settings => new LocalPodTaskRunner(new DockerConnectionOptions { Logger = settings.LoggerFactory.CreateLogger(typeof(LocalPodTaskRunner).FullName!) },
                new LocalJobOptions { Keep = settings.KeepPods }),
            ProbeEngineAsync);
    }

    /// <summary>Null when the engine (DOCKER_HOST, else the local socket) answers a ping; else why not, in one line.</summary>
    private static async Task<string?> ProbeEngineAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var engine = await DockerEngine.ConnectAsync(new DockerConnectionOptions { ConnectTimeout = TimeSpan.FromSeconds(3) }, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (DockerDaemonUnreachableException unreachable)
        {
            return unreachable.Message.Split('\n')[0].TrimEnd('.', '\r');
        }
    }
}
