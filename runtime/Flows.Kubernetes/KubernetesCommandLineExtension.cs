using System.CommandLine;
using Flows.Cli;

namespace Flows.Kubernetes;

/// <summary>
/// Adds <c>submit</c> and <c>cleanup</c> to a flow application's entrypoint, and the <c>kubernetes</c> pod runner
/// (<c>run --pod-tasks kubernetes</c>). The generated <c>Main</c> passes one to <see cref="FlowsCommandLine"/> when the
/// application references Flows.Kubernetes.
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
        context.AddPodTaskRunner("kubernetes", "each pod task in its own pod on the Kubernetes cluster of the kubeconfig or in-cluster config",
            settings => new KubernetesPodTaskRunner(_settings, new KubernetesPodTaskRunnerOptions { KeepPods = settings.KeepPods }, settings.Error));
    }
}
