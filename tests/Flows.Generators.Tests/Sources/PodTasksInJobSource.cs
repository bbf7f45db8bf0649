namespace Flows.Generators.Tests.Sources;

/// <summary>A flow that runs as a Kubernetes Job and creates a container task's pod from it: its Job gets the flow's service account.</summary>
internal static class PodTasksInJobSource
{
    public const string Text = """
        using Flows;

        namespace Samples.Rbac;

        [Flow("Pod tasks in a job")]
        [KubernetesJob(Namespace = "batch")]
        [DockerStorage(RegistryUrl = "localhost:5000", ImageName = "flows/in-job", ImageTag = "1")]
        public static partial class PodTasksInJobFlow
        {
            [FlowTask]
            public static string Greeting() => "hi";

            [FlowTask]
            [ContainerTask("localhost:5000/busybox:1", Command = new[] { "echo" }, Args = new[] { "{greeting}" })]
            public static partial string Echo([FromTask(nameof(Greeting))] string greeting);
        }
        """;
}
