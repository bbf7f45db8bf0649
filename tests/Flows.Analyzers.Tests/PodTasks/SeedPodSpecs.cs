namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>Seed 002, Flyte's sidecar example: a secondary writes /data/message.txt to a shared in-memory volume that the primary waits on.</summary>
internal static class SeedPodSpecs
{
    /// <summary>As a bare PodSpec: the primary is declared only for its volumeMount.</summary>
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

    /// <summary>The same as a v1 Pod.</summary>
    public const string SharedVolumePod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: shared-volume
          labels:
            team: data
        spec:
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
}
