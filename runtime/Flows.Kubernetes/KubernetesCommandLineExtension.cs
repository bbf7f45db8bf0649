using System.CommandLine;
using Flows.Cli;

namespace Flows.Kubernetes;

/// <summary>
/// Adds <c>submit</c> and <c>cleanup</c> to a flow application's entrypoint. The generated <c>Main</c>
/// passes one to <see cref="FlowsCommandLine"/> when the application references Flows.Kubernetes.
/// </summary>
public sealed class KubernetesCommandLineExtension : IFlowsCommandLineExtension
{
    private readonly KubernetesCommandSettings _settings;

    public KubernetesCommandLineExtension()
        : this(KubernetesCommandSettings.Default)
    {
    }

    internal KubernetesCommandLineExtension(KubernetesCommandSettings settings) => _settings = settings;

    public void AddCommands(RootCommand root, FlowsCommandLineContext context)
    {
        root.Subcommands.Add(SubmitCommand.Create(context, _settings));
        root.Subcommands.Add(CleanupCommand.Create(context, _settings));
    }
}
