using System.Threading.Tasks;

namespace Flows.Runtime.Tests.PodTasks;

/// <summary>Flows with pod tasks, generated like any user's: their Pods, data transfer and container tasks.</summary>
[Flow("pod tasks")]
[DockerStorage(RegistryUrl = "localhost:5000", ImageName = "flows/pod-tests", ImageTag = "7")]
public static partial class PodTaskFlow
{
    [FlowTask]
    public static string Greeting() => "hello";

    [FlowTask]
    public static int Count() => 3;

    [FlowTask]
    [PodTask("PodTasks/fixtures/shared-volume.pod.yaml", "primary", CpuRequest = "100m", CpuLimit = "1", MemoryRequest = "64Mi", MemoryLimit = "128Mi",
        Environment = new[] { "MODE=test", "GREETING=plain {not-expanded}" })]
    public static string WaitForMessage([FromTask(nameof(Greeting))] string greeting, [FromTask(nameof(Count))] int count, [FlowParameter] string suffix = "!")
        => greeting + " x" + count + suffix;

    [FlowTask]
    [PodTask("PodTasks/fixtures/full.pod.yaml", "main")]
    public static void Configure() { }

    [FlowTask]
    [PodTask("PodTasks/fixtures/sidecar-only.pod.yaml", "added-primary")]
    public static int AddedPrimary([FromTask(nameof(Count))] int count) => count + 1;

    [FlowTask]
    [ContainerTask("localhost:5000/busybox:1", Command = new[] { "echo" }, Args = new[] { "{message} {count} {{braces}}" },
        Environment = new[] { "MESSAGE={message}" }, MemoryLimit = "32Mi")]
    public static partial string Shout([FromTask(nameof(WaitForMessage))] string message, [FromTask(nameof(Count))] int count);

    [FlowTask]
    [ContainerTask("localhost:5000/busybox:1")]
    public static partial Task ImageDefaults();
}

/// <summary>A pod task whose Pod has nothing but its own container: its body can run in-process.</summary>
[Flow("plain pod task")]
[DockerStorage(RegistryUrl = "localhost:5000", ImageName = "flows/pod-tests", ImageTag = "7")]
public static partial class PlainPodTaskFlow
{
    [FlowTask]
    [PodTask("PodTasks/fixtures/primary-only.pod.yaml", "primary", MemoryLimit = "64Mi")]
    public static string Compute() => "computed";
}
