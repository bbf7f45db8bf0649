namespace Flows.Runtime.Tests.Kubernetes;

/// <summary>Seed 001: Prefect's "Kubernetes Job Environment w/ Resource Requests &amp; Limits".</summary>
[Flow("k8s seed 001")]
[KubernetesJob("Kubernetes/fixtures/seed001.job.yaml")]
[DockerStorage(RegistryUrl = "joshmeek18", ImageName = "flows", ImageTag = "0.1.0")]
internal static partial class Seed001Flow
{
    [FlowTask]
    public static string GetValue() => "Example!";
}

/// <summary>Seed 000: the flow container and a privileged dind sidecar (warns FLOW043 and FLOW045, see the project's NoWarn).</summary>
[Flow("k8s seed 000")]
[KubernetesJob("Kubernetes/fixtures/seed000.job.yaml")]
[DockerStorage(RegistryUrl = "gcr.io/dev/", ImageName = "docker-on-k8s-flow", ImageTag = "0.1.0")]
internal static partial class Seed000Flow
{
    [FlowTask]
    public static string PullImage() => "prefecthq/prefect:latest";
}

/// <summary>The flow runs in the second container, named by PrimaryContainer.</summary>
[Flow("k8s second container")]
[KubernetesJob("Kubernetes/fixtures/second-container.job.yaml", PrimaryContainer = "second-name")]
[DockerStorage(RegistryUrl = "127.0.0.1:5000", ImageName = "flows/second", ImageTag = "1.2.3")]
internal static partial class SecondContainerFlow
{
    [FlowTask]
    public static void Run() { }
}

/// <summary>A spec with its own namespace and ttlSecondsAfterFinished.</summary>
[Flow("k8s namespaced")]
[KubernetesJob("Kubernetes/fixtures/namespaced.job.yaml")]
[DockerStorage(ImageName = "flows/namespaced", ImageTag = "2")]
internal static partial class NamespacedFlow
{
    [FlowTask]
    public static void Run() { }
}

/// <summary>[KubernetesJob] without a file: the default Job.</summary>
[Flow("K8s Default Job: Nightly Import!")]
[KubernetesJob]
[DockerStorage(RegistryUrl = "gcr.io/dev", ImageName = "flows/default", ImageTag = "0.1.0")]
internal static partial class DefaultJobFlow
{
    [FlowTask]
    public static void Run() { }
}
