namespace Flows.Analyzers.Tests.Kubernetes;

/// <summary>The job specs of the seeds, verbatim: Prefect's resource-limits example (001) and its dind-sidecar recipe (000).</summary>
internal static class SeedJobSpecs
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
}
