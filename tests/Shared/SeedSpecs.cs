using System.Linq;

namespace Flows.Tests.Shared;

/// <summary>
/// The specs of the seeds, verbatim: Prefect's resource-limits example (001), its dind-sidecar recipe (000) and Flyte's
/// sidecar example (002). Compiled into the analyzer and the generator tests (a global using in each project), so that
/// both check the same text; a test about a variant writes the variant where it is used.
/// </summary>
internal static class SeedSpecs
{
    /// <summary>Seed 001, "Kubernetes Job Environment w/ Resource Requests &amp; Limits".</summary>
    public const string ResourceLimits = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: my-prefect-job
          labels:
            identifier: ""
        spec:
          template:
            metadata:
              labels:
                identifier: ""
            spec:
              restartPolicy: Never
              containers:
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
                    cpu: "1"
                    memory: 2G
        """;

    /// <summary>Seed 000, "Docker Sidecar on Kubernetes": the flow container and a privileged docker:stable-dind daemon.</summary>
    public const string DockerSidecar = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: prefect-docker-job
          labels:
            identifier: ''
        spec:
          template:
            metadata:
              labels:
                identifier: ''
            spec:
              restartPolicy: Never
              containers:
                - name: flow-container
                  image: ''
                  command: []
                  args: []
                  env:
                    - name: DOCKER_HOST
                      value: tcp://localhost:2375
                - name: dind-daemon
                  image: docker:stable-dind
                  env:
                    - name: DOCKER_TLS_CERTDIR
                      value: ""
                  resources:
                    requests:
                      cpu: 20m
                      memory: 512Mi
                  securityContext:
                    privileged: true
                  volumeMounts:
                    - name: docker-graph-store
                      mountPath: /var/lib/docker
              volumes:
                - name: docker-graph-store
                  emptyDir: {}
        """;

    /// <summary>Seed 002, Flyte's sidecar example, as a bare PodSpec: a secondary writes /data/message.txt to a shared in-memory volume that the primary waits on; the primary is declared only for its volumeMount.</summary>
    public const string SharedVolume = """
        containers:
        - name: primary
          volumeMounts:
          - name: shared-data
            mountPath: /data
        - name: secondary
          image: alpine:3.20
          command: ["/bin/sh"]
          args: ["-c", "echo hi sidecar world > /data/message.txt"]
          volumeMounts:
          - name: shared-data
            mountPath: /data
        volumes:
        - name: shared-data
          emptyDir:
            medium: Memory
        """;

    /// <summary>The same as a v1 Pod: <see cref="SharedVolume"/> under <c>spec</c>.</summary>
    public static readonly string SharedVolumePod =
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: shared-volume\n  labels:\n    team: data\nspec:\n"
        + string.Join("\n", SharedVolume.Split('\n').Select(line => "  " + line));
}
