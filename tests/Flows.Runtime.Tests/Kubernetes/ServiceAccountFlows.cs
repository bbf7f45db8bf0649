namespace Flows.Runtime.Tests.Kubernetes;

/// <summary>A flow Job that creates a pod task's pod: it runs under the flow's own service account.</summary>
[Flow("k8s pod tasks")]
[KubernetesJob]
[DockerStorage(RegistryUrl = "127.0.0.1:5000", ImageName = "flows/pod-tasks", ImageTag = "1")]
internal static partial class PodTasksInJobFlow
{
    [FlowTask]
    public static string Prepare() => "ready";

    [FlowTask]
    [ContainerTask("localhost:5000/busybox:1")]
    public static partial string Ping();
}

/// <summary>The same, with a spec that names its own service account (serviceAccountName: batch-runner).</summary>
[Flow("k8s pod tasks, own account")]
[KubernetesJob("Kubernetes/fixtures/own-account.job.yaml")]
[DockerStorage(RegistryUrl = "127.0.0.1:5000", ImageName = "flows/pod-tasks", ImageTag = "1")]
internal static partial class OwnAccountFlow
{
    [FlowTask]
    [PodTask("PodTasks/fixtures/primary-only.pod.yaml", "primary")]
    public static int Compute() => 42;
}

/// <summary>Two flows whose RBAC objects must not replace each other's in one namespace.</summary>
[Flow("k8s pod tasks, second flow")]
[KubernetesJob]
[DockerStorage(RegistryUrl = "127.0.0.1:5000", ImageName = "flows/pod-tasks", ImageTag = "1")]
internal static partial class SecondPodTasksFlow
{
    [FlowTask]
    public static string Prepare() => "ready";

    [FlowTask]
    [ContainerTask("localhost:5000/busybox:1")]
    public static partial string Ping();
}

internal static class ServiceAccountFlows
{
    public static readonly FlowDefinition[] All =
    [
        PodTasksInJobFlow.Definition, OwnAccountFlow.Definition, SecondPodTasksFlow.Definition, Seed001Flow.Definition, NamespacedFlow.Definition,
    ];
}
