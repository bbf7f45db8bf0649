using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Flows.EndToEnd.Tests;
using Flows.Generators.Core;
using Flows.Generators.Kubernetes.Validation;
using YamlDotNet.RepresentationModel;

namespace Flows.Cluster.Tests.Oracle;

internal enum OracleKind { Job, Pod }

/// <summary>
/// A valid spec that the mutations start from: a flow's job spec (a batch/v1 Job, the primary container by index as
/// [KubernetesJob] has it) or a pod task's pod spec (a v1 Pod; a bare PodSpec file is wrapped; the primary by name,
/// added by Flows when missing).
/// </summary>
internal sealed record OracleBase(string Name, OracleKind Kind, JsonObject Json, string PrimaryName, int PrimaryIndex)
{
    public string Definition => Kind == OracleKind.Job ? KubernetesSchema.Job : KubernetesSchema.Pod;

    public static readonly IReadOnlyCollection<string> JobOverwritten = ["image", "command", "args"];

    public static readonly IReadOnlyCollection<string> PodOverwritten = ["image", "command", "args", "resources", "env", "terminationMessagePolicy"];

    public IReadOnlyCollection<string> OverwrittenFields => Kind == OracleKind.Job ? JobOverwritten : PodOverwritten;

    /// <summary>Whether containers[<paramref name="index"/>] of the base is the Flows container.</summary>
    public bool IsPrimary(int index) => Kind == OracleKind.Job
        ? index == PrimaryIndex
        : Containers(Json)?[index] is JsonObject c && c["name"] is JsonValue v && v.TryGetValue<string>(out var name) && name == PrimaryName;

    public static JsonArray? Containers(JsonObject spec) =>
        (spec["spec"] as JsonObject)?["template"] is JsonObject template
            ? (template["spec"] as JsonObject)?["containers"] as JsonArray
            : (spec["spec"] as JsonObject)?["containers"] as JsonArray;

    /// <summary>A job spec's YAML as the generator reads it (the API server's YAML rules).</summary>
    public static OracleBase Job(string name, string yaml, int primaryIndex = 0)
    {
        var json = ToJson(yaml);
        var containers = Containers(json)!;
        var primary = (string)containers[primaryIndex]!["name"]!;
        return new OracleBase(name, OracleKind.Job, json, primary, primaryIndex);
    }

    /// <summary>A pod task's pod spec: a whole Pod, or a bare PodSpec (wrapped as the spec of a Pod).</summary>
    public static OracleBase Pod(string name, string yaml, string primary = "primary")
    {
        var json = ToJson(yaml);
        if (!json.ContainsKey("kind"))
        {
            json = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Pod", ["metadata"] = new JsonObject(), ["spec"] = json };
        }
        return new OracleBase(name, OracleKind.Pod, json, primary, -1);
    }

    public static JsonObject ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (JsonObject)JsonNode.Parse(YamlJson.ToJson(stream.Documents[0].RootNode))!;
    }

    /// <summary>The mutant (or base) as the YAML document the checker reads: JSON is YAML.</summary>
    public static YamlMappingNode ToYaml(JsonObject json)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(json.ToJsonString()));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}

/// <summary>The bases of the server-oracle test: the repository's job and pod specs, and seeds that reach every area the checker knows.</summary>
internal static class OracleBases
{
    /// <summary>The job specs and pod specs of samples/ and of the tests' fixtures, with the primary container each flow or task names.</summary>
    public static IReadOnlyList<OracleBase> FromRepository()
    {
        string Read(string relative) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, relative));
        return
        [
            OracleBase.Job("samples/HelloFlow", Read("samples/HelloFlow/job_spec.yaml")),
            OracleBase.Job("samples/DockerPipeline", Read("samples/DockerPipeline/job_spec.yaml")),
            OracleBase.Job("samples/DockerPipelineOnNode", Read("samples/DockerPipelineOnNode/job_spec.yaml")),
            OracleBase.Pod("samples/SidecarFlow", Read("samples/SidecarFlow/pod_spec.yaml")),
            OracleBase.Job("runtime-fixtures/namespaced", Read("tests/Flows.Runtime.Tests/Kubernetes/fixtures/namespaced.job.yaml")),
            OracleBase.Job("runtime-fixtures/second-container", Read("tests/Flows.Runtime.Tests/Kubernetes/fixtures/second-container.job.yaml"), primaryIndex: 1),
            OracleBase.Job("runtime-fixtures/seed000", Read("tests/Flows.Runtime.Tests/Kubernetes/fixtures/seed000.job.yaml")),
            OracleBase.Job("runtime-fixtures/seed001", Read("tests/Flows.Runtime.Tests/Kubernetes/fixtures/seed001.job.yaml")),
            OracleBase.Pod("runtime-fixtures/full", Read("tests/Flows.Runtime.Tests/PodTasks/fixtures/full.pod.yaml"), primary: "main"),
            OracleBase.Pod("runtime-fixtures/shared-volume", Read("tests/Flows.Runtime.Tests/PodTasks/fixtures/shared-volume.pod.yaml")),
            OracleBase.Pod("runtime-fixtures/sidecar-only", Read("tests/Flows.Runtime.Tests/PodTasks/fixtures/sidecar-only.pod.yaml")),
            OracleBase.Job("lane/sidecar_job", Read("tests/Flows.Cluster.Tests/Fixtures/ClusterApp/sidecar_job.yaml")),
            OracleBase.Job("lane/podtask_job", Read("tests/Flows.Cluster.Tests/Fixtures/ClusterApp/podtask_job.yaml")),
            OracleBase.Pod("lane/podtask_pod", Read("tests/Flows.Cluster.Tests/Fixtures/ClusterApp/podtask_pod.yaml")),
            OracleBase.Pod("end-to-end/AotPodTaskApp", Read("tests/Flows.EndToEnd.Tests/Fixtures/AotPodTaskApp/pod.yaml")),
        ];
    }

    /// <summary>The seeds first (they reach the most fields), then the repository's specs.</summary>
    public static IReadOnlyList<OracleBase> All() => [.. Seeds(), .. FromRepository()];

    /// <summary>Seeds written for the oracle: valid specs that reach every area the checker knows.</summary>
    public static IReadOnlyList<OracleBase> Seeds() =>
    [
        OracleBase.Job("seed/job-containers", ContainersJob),
        OracleBase.Job("seed/job-pod-level", PodLevelJob),
        OracleBase.Pod("seed/pod-volumes", VolumesPod),
        OracleBase.Pod("seed/pod-whole", WholePod),
    ];

    /// <summary>Container ports, env (value and every valueFrom), envFrom, mounts, probes, lifecycle, resources, security context; Job counts.</summary>
    public const string ContainersJob = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: seed-containers
          labels: {app.kubernetes.io/name: seed, tier: batch}
          annotations: {example.com/note: a note}
        spec:
          parallelism: 2
          completions: 4
          backoffLimit: 3
          activeDeadlineSeconds: 600
          ttlSecondsAfterFinished: 100
          template:
            metadata:
              labels: {app: seed}
            spec:
              restartPolicy: OnFailure
              containers:
              - name: flow
                image: ""
                ports:
                - {name: http, containerPort: 8080, protocol: TCP}
                - {containerPort: 9090, hostPort: 9090, protocol: UDP}
                - {name: sctp, containerPort: 7000, protocol: SCTP}
                env:
                - {name: PLAIN, value: v}
                - name: POD_NAME
                  valueFrom: {fieldRef: {fieldPath: metadata.name}}
                - name: POD_IP
                  valueFrom: {fieldRef: {apiVersion: v1, fieldPath: status.podIP}}
                - name: CPU_LIMIT
                  valueFrom: {resourceFieldRef: {containerName: flow, resource: limits.cpu, divisor: 1m}}
                - name: FROM_CM
                  valueFrom: {configMapKeyRef: {name: settings, key: level, optional: true}}
                - name: FROM_SECRET
                  valueFrom: {secretKeyRef: {name: credentials, key: password}}
                envFrom:
                - configMapRef: {name: settings}
                  prefix: CFG_
                - secretRef: {name: credentials, optional: true}
                resources:
                  requests: {cpu: 100m, memory: 64Mi, ephemeral-storage: 1Gi}
                  limits: {cpu: "1", memory: 128Mi, ephemeral-storage: 2Gi}
                volumeMounts:
                - {name: scratch, mountPath: /scratch}
                - {name: config, mountPath: /etc/config, readOnly: true}
                - {name: scratch, mountPath: /sub, subPath: part}
                - {name: host, mountPath: /host, mountPropagation: HostToContainer}
                livenessProbe:
                  httpGet:
                    path: /healthz
                    port: http
                    scheme: HTTP
                    httpHeaders: [{name: X-Probe, value: live}]
                  initialDelaySeconds: 5
                  periodSeconds: 10
                  timeoutSeconds: 2
                  successThreshold: 1
                  failureThreshold: 3
                readinessProbe:
                  tcpSocket: {port: 8080}
                startupProbe:
                  exec: {command: [cat, /tmp/ready]}
                  failureThreshold: 30
                  periodSeconds: 5
                lifecycle:
                  postStart:
                    exec: {command: [sh, -c, echo start]}
                  preStop:
                    httpGet: {path: /stop, port: 8080}
                securityContext:
                  runAsUser: 1000
                  runAsGroup: 1000
                  runAsNonRoot: true
                  readOnlyRootFilesystem: true
                  allowPrivilegeEscalation: false
                  capabilities: {add: [NET_BIND_SERVICE], drop: [ALL]}
                  seccompProfile: {type: RuntimeDefault}
                terminationMessagePath: /dev/termination-log
                terminationMessagePolicy: FallbackToLogsOnError
                imagePullPolicy: IfNotPresent
                workingDir: /work
              - name: helper
                image: localhost:5000/busybox:1
                command: [sleep, "3600"]
                ports:
                - {name: metrics, containerPort: 9100}
                securityContext:
                  privileged: true
                  runAsUser: 0
                volumeMounts:
                - {name: host, mountPath: /host, mountPropagation: Bidirectional}
              volumes:
              - name: scratch
                emptyDir: {sizeLimit: 1Gi}
              - name: config
                configMap:
                  name: settings
                  items: [{key: level, path: level.txt, mode: 256}]
                  defaultMode: 420
                  optional: true
              - name: host
                hostPath: {path: /tmp, type: Directory}
        """;

    /// <summary>Pod-level fields: init containers, pod security context, affinity, tolerations, spread, DNS, host aliases, manual selector.</summary>
    public const string PodLevelJob = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: seed-pod-level
        spec:
          manualSelector: true
          selector:
            matchLabels: {seed: pod-level}
            matchExpressions:
            - {key: tier, operator: In, values: [batch]}
          template:
            metadata:
              labels: {seed: pod-level, tier: batch}
              annotations: {example.com/owner: flows}
            spec:
              restartPolicy: Never
              containers:
              - name: flow
                image: ""
              initContainers:
              - name: init
                image: localhost:5000/busybox:1
                command: [sh, -c, "true"]
                resources:
                  limits: {cpu: 100m, memory: 32Mi}
              imagePullSecrets:
              - name: registry-credentials
              securityContext:
                runAsUser: 1000
                runAsGroup: 3000
                runAsNonRoot: true
                fsGroup: 2000
                fsGroupChangePolicy: OnRootMismatch
                supplementalGroups: [4000]
                seccompProfile: {type: RuntimeDefault}
                sysctls:
                - {name: net.ipv4.ip_local_port_range, value: "32768 60999"}
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms:
                    - matchExpressions:
                      - {key: kubernetes.io/os, operator: In, values: [linux]}
                      matchFields:
                      - {key: metadata.name, operator: In, values: [localhost]}
                  preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: 10
                    preference:
                      matchExpressions:
                      - {key: disk, operator: Exists}
                podAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                  - labelSelector:
                      matchLabels: {seed: pod-level}
                    topologyKey: kubernetes.io/hostname
                    namespaces: [default]
                  preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: 50
                    podAffinityTerm:
                      labelSelector:
                        matchExpressions:
                        - {key: app, operator: NotIn, values: [other]}
                      topologyKey: topology.kubernetes.io/zone
                podAntiAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: 100
                    podAffinityTerm:
                      labelSelector:
                        matchLabels: {seed: pod-level}
                      topologyKey: kubernetes.io/hostname
              tolerations:
              - {key: dedicated, operator: Equal, value: batch, effect: NoSchedule}
              - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 300}
              - {operator: Exists}
              topologySpreadConstraints:
              - maxSkew: 1
                topologyKey: kubernetes.io/hostname
                whenUnsatisfiable: ScheduleAnyway
                labelSelector:
                  matchLabels: {seed: pod-level}
              dnsPolicy: None
              dnsConfig:
                nameservers: [1.1.1.1]
                searches: [example.com]
                options:
                - {name: ndots, value: "2"}
                - {name: edns0}
              hostAliases:
              - {ip: 127.0.0.1, hostnames: [local.test]}
              hostname: worker
              subdomain: workers
              readinessGates:
              - {conditionType: example.com/ready}
              nodeSelector: {kubernetes.io/os: linux}
              terminationGracePeriodSeconds: 30
              activeDeadlineSeconds: 300
              enableServiceLinks: false
              schedulerName: default-scheduler
              shareProcessNamespace: true
              automountServiceAccountToken: false
        """;

    /// <summary>Volumes of each common type, mounted by a helper (the primary's env and resources are Flows').</summary>
    public const string VolumesPod = """
        containers:
        - name: primary
          volumeMounts:
          - {name: projected, mountPath: /projected}
        - name: helper
          image: localhost:5000/busybox:1
          command: [sleep, "3600"]
          resources:
            limits: {cpu: 100m, memory: 64Mi, hugepages-2Mi: 4Mi}
          volumeMounts:
          - {name: secret, mountPath: /secret}
          - {name: downward, mountPath: /downward}
          - {name: claim, mountPath: /claim, readOnly: true}
          - {name: nfs, mountPath: /nfs}
          - {name: csi, mountPath: /csi}
          - {name: git, mountPath: /git}
          - {name: memory, mountPath: /memory}
          - {name: socket, mountPath: /socket}
        volumes:
        - name: secret
          secret:
            secretName: credentials
            items: [{key: password, path: password.txt, mode: 256}]
            defaultMode: 420
            optional: true
        - name: projected
          projected:
            defaultMode: 420
            sources:
            - secret:
                name: credentials
                items: [{key: password, path: p/password}]
            - configMap:
                name: settings
                items: [{key: level, path: c/level}]
                optional: true
            - downwardAPI:
                items:
                - path: d/labels
                  fieldRef: {fieldPath: metadata.labels}
            - serviceAccountToken: {path: token, expirationSeconds: 3600, audience: api}
        - name: downward
          downwardAPI:
            defaultMode: 420
            items:
            - path: labels
              fieldRef: {fieldPath: metadata.labels}
            - path: note
              fieldRef: {fieldPath: "metadata.annotations['example.com/note']"}
            - path: cpu
              resourceFieldRef: {containerName: helper, resource: limits.cpu, divisor: 1m}
        - name: claim
          persistentVolumeClaim: {claimName: data, readOnly: true}
        - name: nfs
          nfs: {server: nfs.example.com, path: /exports, readOnly: true}
        - name: csi
          csi:
            driver: inline.storage.example.com
            readOnly: true
            fsType: ext4
            volumeAttributes: {size: 1Gi}
            nodePublishSecretRef: {name: csi-secret}
        - name: git
          gitRepo: {repository: "https://example.com/repo.git", revision: main, directory: .}
        - name: memory
          emptyDir: {medium: Memory, sizeLimit: 64Mi}
        - name: socket
          hostPath: {path: /var/run/docker.sock, type: Socket}
        """;

    /// <summary>A whole Pod (metadata with labels and annotations), a restart policy, an init container and a helper with probes.</summary>
    public const string WholePod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: seed-whole
          labels: {team: data, app.kubernetes.io/part-of: flows}
          annotations: {example.com/owner: flows, note: "free text"}
        spec:
          restartPolicy: OnFailure
          terminationGracePeriodSeconds: 10
          initContainers:
          - name: prepare
            image: localhost:5000/busybox:1
            command: [sh, -c, "true"]
            env:
            - {name: STAGE, value: init}
          containers:
          - name: primary
            workingDir: /work
            ports:
            - {name: http, containerPort: 8080}
            readinessProbe:
              httpGet: {path: /ready, port: http}
              periodSeconds: 5
          - name: helper
            image: localhost:5000/busybox:1
            imagePullPolicy: Always
            command: [sleep, "3600"]
            env:
            - {name: HELPER, value: "1"}
            - name: NODE
              valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
            resources:
              requests: {cpu: 10m, memory: 16Mi}
            livenessProbe:
              exec: {command: ["true"]}
              timeoutSeconds: 3
            lifecycle:
              preStop:
                exec: {command: [sh, -c, "sleep 1"]}
            stdin: true
            tty: true
        """;
}
