namespace Flows.Generators.Tests.Sources;

/// <summary>A flow with a sidecar task (seed 002's shared volume), a container task whose log is its result, and data crossing into both pods.</summary>
internal static class PodTaskSources
{
    public const string PodSpecPath = "/project/pod_spec.yaml";

    /// <summary>The Args of the container task Shout: its input as "$1" of the script, never inside it (FLOW079).</summary>
    public const string ShoutArgs = """
        "echo \"$1\"", "sh", "{message}"
        """;

    /// <summary>Seed 002 (<see cref="SeedSpecs.SharedVolume"/>) with the local registry's busybox, whose secondary then stays up as a sidecar.</summary>
    public const string PodSpec = """
        containers:
          - name: primary
            volumeMounts:
              - name: shared-data
                mountPath: /data
          - name: secondary
            image: localhost:5000/busybox:1
            command: ["/bin/sh"]
            args: ["-c", "echo hi sidecar world > /data/message.txt; sleep 3600"]
            volumeMounts:
              - name: shared-data
                mountPath: /data
        volumes:
          - name: shared-data
            emptyDir:
              medium: Memory
        """;

    public const string Text = """
        using System.Threading;
        using System.Threading.Tasks;
        using Flows;

        namespace Samples;

        [Flow("Sidecar shared volume")]
        [DockerStorage(RegistryUrl = "localhost:5000", ImageName = "flows/sidecar-flow", ImageTag = "1")]
        public static partial class SharedVolumeFlow
        {
            [FlowTask]
            public static string Greeting() => "Hi";

            [FlowTask(TimeoutSeconds = 120)]
            [PodTask("pod_spec.yaml", "primary", CpuRequest = "10m", MemoryLimit = "512Mi", Environment = new[] { "MESSAGE_FILE=/data/message.txt" })]
            public static Task<string> WaitForMessage([FromTask(nameof(Greeting))] string greeting, [FlowParameter] int attempts = 3, CancellationToken cancellationToken = default)
                => Task.FromResult(greeting);

            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1", Command = new[] { "sh", "-c" }, Args = new[] { "echo \"$1\"", "sh", "{message}" }, MemoryLimit = "64Mi")]
            public static partial string Shout([FromTask(nameof(WaitForMessage))] string message);
        }
        """;
}
