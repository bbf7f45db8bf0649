using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Flows;
using Microsoft.Extensions.Logging;

namespace Samples.SidecarFlow;

/// <summary>
/// Flyte's sidecar-task example (seed 002) as a flow: <see cref="WaitForMessage"/> runs in its own pod, whose
/// secondary container writes /data/message.txt to a shared emptyDir; the task's body, in the primary container,
/// waits for the file and returns what it says. <see cref="Shout"/> is a container task: busybox in its own pod,
/// its log is its result. Pods run on the local Docker engine (<c>run --pod-tasks local</c>) or on a cluster
/// (<c>run --pod-tasks kubernetes</c>); the flow's image comes from <c>build --push</c>.
/// </summary>
[Flow("Sidecar shared volume", Description = "Flyte's sidecar task: the secondary writes a file, the primary waits for it")]
[DockerStorage(RegistryUrl = "127.0.0.1:5000", ImageName = "flows/sidecar-flow", ImageTag = "1")]
public static partial class SharedVolumeFlow
{
    [FlowTask]
    public static string Greeting() => "Hi";

    [FlowTask(TimeoutSeconds = 120)]
    [PodTask("pod_spec.yaml", "primary", CpuRequest = "10m", MemoryRequest = "64Mi", MemoryLimit = "512Mi",
        Environment = new[] { "MESSAGE_FILE=/data/message.txt" })]
    public static async Task<string> WaitForMessage([FromTask(nameof(Greeting))] string greeting, TaskRunContext context, CancellationToken cancellationToken)
    {
        var path = Environment.GetEnvironmentVariable("MESSAGE_FILE") ?? "/data/message.txt";
        context.Logger.LogInformation("Waiting for {Path}", path);
        while (!File.Exists(path))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
        var message = (await File.ReadAllTextAsync(path, cancellationToken)).Trim();
        context.Logger.LogInformation("The sidecar says: {Message}", message);
        return $"{greeting}, {message}";
    }

    // The input is an argument after the script ($0 is "sh", $1 the message), never text inside it: whatever the message
    // holds ("; id; echo ", $(id), backticks), the shell reads it as one value (FLOW079 forbids "echo {message}").
    [FlowTask]
    [ContainerTask("localhost:5000/busybox:1", Command = new[] { "sh", "-c" }, Args = new[] { "echo \"$1\" | busybox tr a-z A-Z", "sh", "{message}" },
        CpuRequest = "10m", MemoryLimit = "64Mi")]
    public static partial string Shout([FromTask(nameof(WaitForMessage))] string message);

    [FlowTask]
    public static void Print([FromTask(nameof(Shout))] string shouted) => Console.WriteLine(shouted.Trim());
}
