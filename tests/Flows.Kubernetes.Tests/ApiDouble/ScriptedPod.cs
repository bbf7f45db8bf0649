using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Kubernetes.Tests.ApiDouble;

/// <summary>
/// The double's "kubelet" for one pod: each call moves the pod to a new state at once (a MODIFIED watch
/// event), writes log lines or records events. <see cref="WaitUntilAsync"/> lets a script wait for the
/// client (e.g. until it has reconnected) instead of sleeping.
/// </summary>
internal sealed class ScriptedPod
{
    private static int s_events;
    private readonly KubernetesApiDouble _api;
    private readonly JsonObject _spec;

    /// <param name="jobName">The Job that owns the pod; null for a pod created directly (a pod task).</param>
    public ScriptedPod(KubernetesApiDouble api, string ns, string name, string? jobName, JsonObject spec)
    {
        _api = api;
        Namespace = ns;
        Name = name;
        JobName = jobName;
        _spec = spec;
        Containers = ((_spec["containers"] as JsonArray) ?? new JsonArray()).Select(c => c!["name"]!.GetValue<string>()).ToList();
    }

    public string Namespace { get; }

    public string Name { get; }

    public string? JobName { get; }

    public IReadOnlyList<string> Containers { get; }

    /// <summary>The first container: the one the template patches to run the flow.</summary>
    public string PrimaryContainer => Containers[0];

    public string ImageOf(string container) => Container(container)["image"]?.GetValue<string>() ?? "";

    /// <summary>
    /// The value of an env entry of <paramref name="container"/> as the kubelet gives it: the literal value, or the key of
    /// the Secret a <c>secretKeyRef</c> names, read now; null when it has none.
    /// </summary>
    public string? EnvOf(string container, string name)
    {
        var entry = ((Container(container)["env"] as JsonArray) ?? new JsonArray()).OfType<JsonObject>()
            .FirstOrDefault(e => e["name"]?.GetValue<string>() == name);
        if (entry?["valueFrom"]?["secretKeyRef"] is JsonObject reference)
        {
            return _api.SecretValue(Namespace, reference["name"]!.GetValue<string>(), reference["key"]!.GetValue<string>());
        }
        return entry?["value"]?.GetValue<string>();
    }

    private JsonObject Container(string name) =>
        (JsonObject)((JsonArray)_spec["containers"]!).First(c => c!["name"]!.GetValue<string>() == name)!;

    /// <summary>The container's args as the Job's pod template has them.</summary>
    public IReadOnlyList<string> ArgsOf(string container) =>
        (((JsonArray)_spec["containers"]!).First(c => c!["name"]!.GetValue<string>() == container)!["args"] as JsonArray ?? new JsonArray())
            .Select(a => a!.GetValue<string>()).ToList();

    public void Schedule()
    {
        Update(pod =>
        {
            var status = Status(pod);
            status["conditions"] = new JsonArray(Condition("PodScheduled", "True"));
            status["hostIP"] = "127.0.0.1";
            status["containerStatuses"] = new JsonArray(Containers.Select(c => (JsonNode)ContainerStatus(c, Waiting("ContainerCreating", null))).ToArray());
            pod["spec"]!["nodeName"] = "localhost";
        });
        Event("Normal", "Scheduled", $"Successfully assigned {Namespace}/{Name} to localhost");
    }

    public void Unschedulable(string message)
    {
        Update(pod => Status(pod)["conditions"] = new JsonArray(Condition("PodScheduled", "False", "Unschedulable", message)));
        Event("Warning", "FailedScheduling", message);
    }

    /// <summary>What the kubelet does for an image it cannot pull: ErrImagePull, then ImagePullBackOff, with its events.</summary>
    public void FailImagePull(string container, string error)
    {
        var image = ImageOf(container);
        Event("Normal", "Pulling", $"Pulling image \"{image}\"");
        SetState(container, Waiting("ErrImagePull", error));
        Event("Warning", "Failed", $"Failed to pull image \"{image}\": {error}");
        Event("Warning", "Failed", "Error: ErrImagePull");
        Event("Normal", "BackOff", $"Back-off pulling image \"{image}\"");
        SetState(container, Waiting("ImagePullBackOff", $"Back-off pulling image \"{image}\""));
        Event("Warning", "Failed", "Error: ImagePullBackOff");
    }

    /// <summary>Starts the given containers (all when none are named): the pod is Running.</summary>
    public void Start(params string[] containers)
    {
        var names = containers.Length == 0 ? Containers : containers;
        Update(pod =>
        {
            Status(pod)["phase"] = "Running";
            Status(pod)["startTime"] = KubernetesApiDouble.Now();
            foreach (var name in names)
            {
                SetStateIn(pod, name, new JsonObject { ["running"] = new JsonObject { ["startedAt"] = KubernetesApiDouble.Now() } });
            }
        });
    }

    public void Log(string container, params string[] lines) => _api.Logs.Append(Namespace, Name, container, lines);

    /// <summary>Lines that all get one timestamp (a container may print fast enough for that).</summary>
    public void LogAtOneInstant(string container, params string[] lines) => _api.Logs.Append(Namespace, Name, container, lines, sameTimestamp: true);

    /// <summary>The container terminates; when every container has, the pod Succeeded (all exit 0) or Failed, and so does the Job.</summary>
    /// <param name="terminationMessage">What the container wrote to its terminationMessagePath; the kubelet keeps its last 4096 bytes.</param>
    public void Exit(string container, int exitCode, string? reason = null, string? terminationMessage = null)
    {
        _api.Logs.End(Namespace, Name, container);
        string? phase = null;
        Update(pod =>
        {
            SetStateIn(pod, container, new JsonObject
            {
                ["terminated"] = new JsonObject
                {
                    ["exitCode"] = exitCode,
                    ["reason"] = reason ?? (exitCode == 0 ? "Completed" : "Error"),
                    ["startedAt"] = KubernetesApiDouble.Now(),
                    ["finishedAt"] = KubernetesApiDouble.Now(),
                    ["containerID"] = "docker://" + container,
                },
            });
            if (terminationMessage is not null)
            {
                ((JsonObject)StatusOf(pod, container)["state"]!["terminated"]!)["message"] = KubeletTerminationMessage(terminationMessage);
            }
            var states = ((JsonArray)Status(pod)["containerStatuses"]!).Select(s => s!["state"]?["terminated"]).ToList();
            if (states.All(t => t is not null))
            {
                phase = states.All(t => t!["exitCode"]!.GetValue<int>() == 0) ? "Succeeded" : "Failed";
                Status(pod)["phase"] = phase;
            }
        });
        if (phase is not null && JobName is not null)
        {
            _api.SyncJob(Namespace, JobName, phase);
        }
    }

    /// <summary>The pod fails as a whole (e.g. DeadlineExceeded, Evicted): running containers are killed.</summary>
    public void FailPod(string reason, string message)
    {
        foreach (var container in Containers)
        {
            _api.Logs.End(Namespace, Name, container);
        }
        Update(pod =>
        {
            var status = Status(pod);
            status["phase"] = "Failed";
            status["reason"] = reason;
            status["message"] = message;
            foreach (var entry in ((JsonArray?)status["containerStatuses"] ?? new JsonArray()).OfType<JsonObject>())
            {
                if (entry["state"]?["terminated"] is null)
                {
                    entry["state"] = new JsonObject { ["terminated"] = new JsonObject { ["exitCode"] = 137, ["reason"] = "Error" } };
                }
            }
        });
        if (JobName is not null)
        {
            _api.SyncJob(Namespace, JobName, "Failed");
        }
    }

    /// <summary>
    /// The kubelet evicts the pod (e.g. the node is low on memory): the pod Failed with reason Evicted, its containers are
    /// killed, and their statuses are left as last reported (no terminated state).
    /// </summary>
    public void Evict(string message)
    {
        foreach (var container in Containers)
        {
            _api.Logs.End(Namespace, Name, container);
        }
        Update(pod =>
        {
            var status = Status(pod);
            status["phase"] = "Failed";
            status["reason"] = "Evicted";
            status["message"] = message;
        });
        if (JobName is not null)
        {
            _api.SyncJob(Namespace, JobName, "Failed");
        }
    }

    /// <summary>The Job fails for a reason of its own, e.g. its activeDeadlineSeconds passed.</summary>
    public void FailJob(string reason, string message) =>
        _api.FailJob(Namespace, JobName ?? throw new InvalidOperationException($"pod {Name} has no Job"), reason, message);

    /// <summary>
    /// A graceful deletion as a real API server and kubelet do it: the pod gets its deletionTimestamp, the kubelet
    /// stops the containers (SIGTERM: the flow exits with <paramref name="exitCode"/>) and removes them (their
    /// logs answer "unable to retrieve container logs"); <see cref="Delete"/> then removes the pod.
    /// </summary>
    public void BeginGracefulDeletion(int exitCode = 130)
    {
        Update(pod =>
        {
            ((JsonObject)pod["metadata"]!)["deletionTimestamp"] = KubernetesApiDouble.Now();
            ((JsonObject)pod["metadata"]!)["deletionGracePeriodSeconds"] = 30;
        });
        foreach (var container in Containers)
        {
            Exit(container, container == PrimaryContainer ? exitCode : 137);
            _api.Logs.Remove(Namespace, Name, container);
        }
    }

    public void Delete()
    {
        foreach (var container in Containers)
        {
            _api.Logs.End(Namespace, Name, container);
        }
        _api.Store.Remove("pods", Namespace, Name);
    }

    public void Event(string type, string reason, string message)
    {
        var number = Interlocked.Increment(ref s_events);
        _api.Store.Add("events", Namespace, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = $"{Name}.{number.ToString("D8", CultureInfo.InvariantCulture)}" },
            ["involvedObject"] = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Pod", ["namespace"] = Namespace, ["name"] = Name },
            ["reason"] = reason,
            ["message"] = message,
            ["type"] = type,
            ["source"] = new JsonObject { ["component"] = "kubelet", ["host"] = "localhost" },
            ["firstTimestamp"] = KubernetesApiDouble.Now(),
            ["lastTimestamp"] = KubernetesApiDouble.Now(),
            ["count"] = 1,
        });
    }

    /// <summary>Waits (polling every few milliseconds, at most 15 s) until the client has done something.</summary>
    public async Task WaitUntilAsync(Func<KubernetesApiDouble, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition(_api))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                throw new TimeoutException("the client never got to: " + what);
            }
            await Task.Delay(5);
        }
    }

    public void SetState(string container, JsonObject state) => Update(pod => SetStateIn(pod, container, state));

    private void Update(Action<JsonObject> change) => _api.Store.Update("pods", Namespace, Name, change);

    private static JsonObject Status(JsonObject pod) => (JsonObject)(pod["status"] ??= new JsonObject());

    private void SetStateIn(JsonObject pod, string container, JsonObject state)
    {
        Status(pod)["containerStatuses"] ??= new JsonArray(Containers.Select(c => (JsonNode)ContainerStatus(c, Waiting("ContainerCreating", null))).ToArray());
        var entry = StatusOf(pod, container);
        entry["state"] = state;
        entry["ready"] = state["running"] is not null;
        entry["started"] = state["running"] is not null;
    }

    private static JsonObject StatusOf(JsonObject pod, string container) =>
        ((JsonArray)Status(pod)["containerStatuses"]!).OfType<JsonObject>().First(s => s["name"]!.GetValue<string>() == container);

    /// <summary>The kubelet reads at most the last 4096 bytes of the file (tail.ReadAtMost), so a longer message arrives cut at its start.</summary>
    private static string KubeletTerminationMessage(string written)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(written);
        return bytes.Length <= 4096 ? written : System.Text.Encoding.UTF8.GetString(bytes, bytes.Length - 4096, 4096);
    }

    private JsonObject ContainerStatus(string container, JsonObject state) => new()
    {
        ["name"] = container,
        ["state"] = state,
        ["lastState"] = new JsonObject(),
        ["ready"] = false,
        ["restartCount"] = 0,
        ["image"] = ImageOf(container),
        ["imageID"] = "",
        ["started"] = false,
    };

    private static JsonObject Waiting(string reason, string? message)
    {
        var waiting = new JsonObject { ["reason"] = reason };
        if (message is not null)
        {
            waiting["message"] = message;
        }
        return new JsonObject { ["waiting"] = waiting };
    }

    private static JsonObject Condition(string type, string status, string? reason = null, string? message = null)
    {
        var condition = new JsonObject { ["type"] = type, ["status"] = status, ["lastProbeTime"] = null, ["lastTransitionTime"] = KubernetesApiDouble.Now() };
        if (reason is not null)
        {
            condition["reason"] = reason;
        }
        if (message is not null)
        {
            condition["message"] = message;
        }
        return condition;
    }
}
