using System;
using System.IO;
using k8s;

namespace Flows.Kubernetes;

/// <summary>
/// Finds the cluster the way kubectl does: the files in <c>KUBECONFIG</c>, else <c>~/.kube/config</c>,
/// else the pod's service account when running inside a cluster. Unlike the KubernetesClient's default,
/// it never falls back silently to http://localhost:8080.
/// </summary>
internal static class KubernetesConfigurationLoader
{
    public static KubernetesClientConfiguration Load()
    {
        var kubeconfig = Environment.GetEnvironmentVariable("KUBECONFIG");
        if (!string.IsNullOrWhiteSpace(kubeconfig) || File.Exists(KubernetesClientConfiguration.KubeConfigDefaultLocation))
        {
            var single = string.IsNullOrWhiteSpace(kubeconfig) ? KubernetesClientConfiguration.KubeConfigDefaultLocation
                : kubeconfig.IndexOf(Path.PathSeparator) < 0 ? kubeconfig.Trim() : null;
            return (single is not null && File.Exists(single) ? KubeconfigFile.TryRead(single) : null)
                ?? KubernetesClientConfiguration.BuildDefaultConfig();
        }
        if (KubernetesClientConfiguration.IsInCluster())
        {
            return KubernetesClientConfiguration.InClusterConfig();
        }
        throw new KubernetesConfigurationMissingException(
            $"no Kubernetes configuration: set KUBECONFIG to a kubeconfig file, create {KubernetesClientConfiguration.KubeConfigDefaultLocation}, or run inside a pod with a service account.");
    }
}

internal sealed class KubernetesConfigurationMissingException(string message) : Exception(message);
