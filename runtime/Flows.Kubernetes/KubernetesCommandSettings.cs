using System;
using System.IO;
using k8s;

namespace Flows.Kubernetes;

/// <summary>How <c>submit</c> and <c>cleanup</c> reach the cluster and how patient they are. Tests shorten the waits.</summary>
internal sealed class KubernetesCommandSettings
{
    public static KubernetesCommandSettings Default { get; } = new();

    /// <summary>The cluster connection: KUBECONFIG, ~/.kube/config, or in-cluster.</summary>
    public Func<KubernetesClientConfiguration> LoadConfiguration { get; init; } = KubernetesConfigurationLoader.Load;

    public ApiRetryPolicy Retry { get; init; } = ApiRetryPolicy.Default;

    /// <summary>The longest wait for one ordinary request (or for a stream's response headers).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The server ends each watch after this long (<c>timeoutSeconds</c>); the watcher then resumes it.</summary>
    public TimeSpan WatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A watch that has sent nothing for this long is treated as dead and resumed.</summary>
    public TimeSpan WatchIdleTimeout { get; init; } = TimeSpan.FromMinutes(5.5);

    /// <summary>How many times in a row a watch (or log stream) may fail to reconnect before submit gives up on the API (about 4 minutes with the default back-off).</summary>
    public int WatchMaxConsecutiveFailures { get; init; } = 30;

    /// <summary>After the flow container has ended, a log stream silent for this long is closed and read once more without following.</summary>
    public TimeSpan LogDrainIdle { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The wait before asking again for the log of a container that has not started yet.</summary>
    public TimeSpan LogRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait for the log to finish once the run's outcome is known.</summary>
    public TimeSpan LogFinishTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The time allowed for deleting the Job after Ctrl+C or SIGTERM.</summary>
    public TimeSpan CleanupTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Lines of each container's log kept as evidence of a failed run.</summary>
    public int EvidenceLogTailLines { get; init; } = 500;

    /// <summary>The default parent folder of a failed run's evidence: <c>./flows-evidence</c>.</summary>
    public Func<string> EvidenceRoot { get; init; } = () => Path.Combine(Directory.GetCurrentDirectory(), "flows-evidence");
}
