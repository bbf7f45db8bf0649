namespace Flows.Generators.Tests.Sources;

/// <summary>Flows with a Kubernetes job environment: the seed-001 job spec with storage, a named primary container, and a default job.</summary>
internal static class KubernetesJobSources
{
    public const string JobSpecPath = "/project/k8s/job_spec.yaml";

    /// <summary>Seed 001 (<see cref="SeedSpecs.ResourceLimits"/>) with a namespace, a label, a container before the flow's and an unquoted CPU request, for the snapshot to show what each becomes.</summary>
    public const string JobSpec = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: my-prefect-job
          namespace: flows
          labels:
            identifier: ""
            team: data
        spec:
          template:
            metadata:
              labels:
                identifier: ""
            spec:
              restartPolicy: Never
              containers:
              - name: proxy
                image: busybox
                command: ["true"]
              - name: flow-container
                image: ""
                command: []
                args: []
                env:
                  - name: MY_ENV
                    value: foo
                resources:
                  limits:
                    cpu: "2"
                    memory: 4G
                  requests:
                    cpu: 1
                    memory: 2G
        """;

    public const string Text = """
        using Flows;

        namespace Samples.Kubernetes;

        [Flow("Resource limits")]
        [KubernetesJob("k8s/job_spec.yaml", PrimaryContainer = "flow-container")]
        [DockerStorage(RegistryUrl = "127.0.0.1:5000/", ImageName = "flows/hello", ImageTag = "0.1.0")]
        public static partial class ResourceLimitsFlow
        {
            [FlowTask]
            public static string GetValue() => "Example!";

            [FlowTask]
            public static void OutputValue([FromTask(nameof(GetValue))] string value) => System.Console.WriteLine(value);
        }

        [Flow("Default job")]
        [KubernetesJob(Namespace = "batch")]
        [DockerStorage(ImageName = "flows/default", ImageTag = "1")]
        public static partial class DefaultJobFlow
        {
            [FlowTask]
            public static void Hello() { }
        }
        """;
}
