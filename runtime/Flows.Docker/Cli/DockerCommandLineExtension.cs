using System.CommandLine;
using Flows.Cli;

namespace Flows.Docker.Cli;

/// <summary>
/// The Docker commands of the generated entrypoint (it adds them when the project references Flows.Docker):
/// <c>build</c> (Docker storage: publish, build, check and push the flow's image) and
/// <c>run-job-locally</c> (run a rendered Job's pod on the local engine, as a kubelet would).
/// </summary>
public sealed class DockerCommandLineExtension : IFlowsCommandLineExtension
{
    public void AddCommands(RootCommand root, FlowsCommandLineContext context)
    {
        foreach (var command in DockerCommands.Create(context))
        {
            root.Subcommands.Add(command);
        }
    }
}
