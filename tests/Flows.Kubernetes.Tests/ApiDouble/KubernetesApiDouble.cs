using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Kubernetes.Tests.ApiDouble;

/// <summary>
/// An in-process HTTP test double of the Kubernetes API (not a cluster): the real paths and JSON for
/// Jobs, pods, pod logs and events, list and watch with resourceVersion, labelSelector and fieldSelector
/// (metadata.name), deletion by name or label selector, pods created directly (pod tasks) or by a Job
/// "controller" that creates one pod per Job, and a scripted "kubelet"
/// (<see cref="PodScript"/>) that moves pods through their states and writes their logs. Faults come
/// from <see cref="Faults"/>. There is no garbage collector: a deleted Job's pods stay until deleted.
/// </summary>
internal sealed partial class KubernetesApiDouble : IAsyncDisposable
{
    public const string Token = "flows-test-token";

    private readonly LoopbackHttpServer _server;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentBag<Task> _scripts = new();
    private readonly CancellationTokenSource _scriptFailed = new();
    private int _activeLogStreams;

    public KubernetesApiDouble()
    {
        _server = new LoopbackHttpServer(HandleAsync);
    }

    public Uri BaseUri => _server.BaseUri;

    public ObjectStore Store { get; } = new();

    public ContainerLogs Logs { get; } = new();

    public FaultPlan Faults { get; } = new();

    /// <summary>What the "kubelet" does with each pod the Job "controller" creates. Default: run, print a line, exit 0.</summary>
    public Func<ScriptedPod, Task> PodScript { get; set; } = async pod =>
    {
        pod.Schedule();
        pod.Start();
        pod.Log(pod.PrimaryContainer, "hello from the flow");
        pod.Exit(pod.PrimaryContainer, 0);
        await Task.CompletedTask;
    };

    /// <summary>The exact bodies of the Job POSTs, in order.</summary>
    public ConcurrentQueue<string> JobPostBodies { get; } = new();

    /// <summary>The exact bodies of the pod POSTs (pod tasks), in order.</summary>
    public ConcurrentQueue<string> PodPostBodies { get; } = new();

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    public int ActiveLogStreams => Volatile.Read(ref _activeLogStreams);

    /// <summary>What went wrong in pod scripts (e.g. a wait for the client that timed out).</summary>
    public ConcurrentQueue<Exception> ScriptErrors { get; } = new();

    /// <summary>Cancelled when a pod script fails: the test need not wait for the command to notice.</summary>
    public CancellationToken ScriptFailed => _scriptFailed.Token;

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string pathSuffix) =>
        _requests.Where(r => r.Method == method && r.Path.EndsWith(pathSuffix, StringComparison.Ordinal)).ToList();

    /// <summary>Waits for the scripts the "kubelet" started (they may throw, e.g. a timed-out wait).</summary>
    public Task ScriptsFinished => Task.WhenAll(_scripts);

    private async Task HandleAsync(HttpExchange exchange)
    {
        var request = new RecordedRequest(exchange.Method, exchange.Path, exchange.Query, exchange.Headers, exchange.Body, Stopwatch.GetTimestamp());
        _requests.Enqueue(request);
        if (!exchange.Headers.TryGetValue("Authorization", out var authorization) || authorization != "Bearer " + Token)
        {
            await exchange.RespondJsonAsync(401, Status(401, "Unauthorized", "Unauthorized"));
            return;
        }
        if (await RefuseIfDeniedAsync(exchange, request))
        {
            return;
        }
        if (Faults.TakeFailure(request) is { } failure)
        {
            var headers = failure.RetryAfterSeconds is { } seconds ? new[] { ("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)) } : [];
            await exchange.RespondJsonAsync(failure.Status, Status(failure.Status, failure.Status == 429 ? "TooManyRequests" : "InternalError",
                failure.Status == 429 ? "Too many requests, please try again later." : "an injected server error"), headers);
            return;
        }

        var path = exchange.Path;
        if (await TryServeSecretsAsync(exchange, request))
        {
            return;
        }
        if (JobsPath().Match(path) is { Success: true } jobs)
        {
            await ServeCollectionAsync(exchange, request, "jobs", jobs.Groups["ns"].Value);
        }
        else if (JobPath().Match(path) is { Success: true } job)
        {
            await ServeObjectAsync(exchange, "jobs", job.Groups["ns"].Value, job.Groups["name"].Value);
        }
        else if (PodsPath().Match(path) is { Success: true } pods)
        {
            await ServeCollectionAsync(exchange, request, "pods", pods.Groups["ns"].Value);
        }
        else if (PodLogPath().Match(path) is { Success: true } log)
        {
            await ServeLogAsync(exchange, log.Groups["ns"].Value, log.Groups["name"].Value);
        }
        else if (PodPath().Match(path) is { Success: true } pod)
        {
            await ServeObjectAsync(exchange, "pods", pod.Groups["ns"].Value, pod.Groups["name"].Value);
        }
        else if (ServiceAccountPath().Match(path) is { Success: true } account)
        {
            await ServeObjectAsync(exchange, "serviceaccounts", account.Groups["ns"].Value, account.Groups["name"].Value);
        }
        else if (EventsPath().Match(path) is { Success: true } events && exchange.Method == "GET")
        {
            await ServeEventsAsync(exchange, events.Groups["ns"].Value);
        }
        else
        {
            await exchange.RespondJsonAsync(404, Status(404, "NotFound", $"the server could not find the requested resource ({exchange.Method} {path})"));
        }
    }

    private async Task ServeCollectionAsync(HttpExchange exchange, RecordedRequest request, string resource, string ns)
    {
        var labels = LabelSelector.Parse(exchange.Query.GetValueOrDefault("labelSelector"));
        var fields = FieldSelector.Parse(exchange.Query.GetValueOrDefault("fieldSelector"), resource, out var fieldError);
        if (fields is null)
        {
            await exchange.RespondJsonAsync(400, Status(400, "BadRequest", fieldError!));
            return;
        }
        bool Matches(JsonObject obj) => labels.Matches(obj) && fields.Matches(obj);
        switch (exchange.Method)
        {
            case "GET" when request.IsWatch:
                await ServeWatchAsync(exchange, resource, ns, Matches);
                break;
            case "GET":
                var (items, version) = Store.List(resource, ns, Matches);
                await exchange.RespondJsonAsync(200, List(resource, items, version));
                break;
            case "POST" when resource == "jobs":
                await CreateJobAsync(exchange, request, ns);
                break;
            case "POST" when resource == "pods":
                await CreatePodAsync(exchange, request, ns);
                break;
            case "DELETE":
                var deleted = new List<JsonObject>();
                foreach (var item in Store.List(resource, ns, Matches).Items)
                {
                    if (Store.Remove(resource, ns, item["metadata"]!["name"]!.GetValue<string>()) is { } removed)
                    {
                        deleted.Add(removed);
                        EndLogsOfDeleted(resource, ns, removed);
                    }
                }
                await exchange.RespondJsonAsync(200, List(resource, deleted, Store.Version));
                break;
            default:
                await exchange.RespondJsonAsync(405, Status(405, "MethodNotAllowed", "the server does not allow this method on the requested resource"));
                break;
        }
    }

    private async Task ServeObjectAsync(HttpExchange exchange, string resource, string ns, string name)
    {
        var found = exchange.Method switch
        {
            "GET" => Store.Get(resource, ns, name),
            "DELETE" => Store.Remove(resource, ns, name),
            _ => null,
        };
        if (found is null)
        {
            await exchange.RespondJsonAsync(404, Status(404, "NotFound", $"{resource} \"{name}\" not found"));
            return;
        }
        if (exchange.Method == "DELETE")
        {
            EndLogsOfDeleted(resource, ns, found);
        }
        await exchange.RespondJsonAsync(200, found);
    }

    /// <summary>A deleted pod's containers are killed: their followed logs end.</summary>
    private void EndLogsOfDeleted(string resource, string ns, JsonObject removed)
    {
        if (resource != "pods")
        {
            return;
        }
        var name = removed["metadata"]!["name"]!.GetValue<string>();
        foreach (var container in ((removed["spec"]?["containers"] as JsonArray) ?? new JsonArray()).OfType<JsonObject>())
        {
            Logs.End(ns, name, container["name"]!.GetValue<string>());
        }
    }

    private async Task ServeEventsAsync(HttpExchange exchange, string ns)
    {
        var field = exchange.Query.GetValueOrDefault("fieldSelector") ?? "";
        var name = field.StartsWith("involvedObject.name=", StringComparison.Ordinal) ? field.Substring("involvedObject.name=".Length) : null;
        var (items, version) = Store.List("events", ns, e => name is null || e["involvedObject"]?["name"]?.GetValue<string>() == name);
        await exchange.RespondJsonAsync(200, new JsonObject
        {
            ["kind"] = "EventList",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject { ["resourceVersion"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["items"] = new JsonArray(items.Select(i => (JsonNode)i).ToArray()),
        });
    }

    public static JsonObject Status(int code, string reason, string message) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = code,
    };

    private static JsonObject List(string resource, IEnumerable<JsonObject> items, long version) => new()
    {
        ["kind"] = resource switch { "jobs" => "JobList", "secrets" => "SecretList", _ => "PodList" },
        ["apiVersion"] = resource == "jobs" ? "batch/v1" : "v1",
        ["metadata"] = new JsonObject { ["resourceVersion"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        ["items"] = new JsonArray(items.Select(i => (JsonNode)i).ToArray()),
    };

    internal void Track(Task script)
    {
        _scripts.Add(script);
        script.ContinueWith(finished =>
        {
            if (finished.Exception?.GetBaseException() is { } error)
            {
                ScriptErrors.Enqueue(error);
                _scriptFailed.Cancel();
            }
        }, TaskScheduler.Default);
    }

    internal void LogStreamOpened() => Interlocked.Increment(ref _activeLogStreams);

    internal void LogStreamClosed() => Interlocked.Decrement(ref _activeLogStreams);

    /// <summary>Files and folders a test made for this double (kubeconfigs, evidence), deleted with it.</summary>
    public ConcurrentBag<string> TemporaryPaths { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        foreach (var path in TemporaryPaths)
        {
            if (System.IO.Directory.Exists(path))
            {
                System.IO.Directory.Delete(path, recursive: true);
            }
            else if (System.IO.File.Exists(path))
            {
                System.IO.File.Delete(path);
            }
        }
    }

    [GeneratedRegex("^/apis/batch/v1/namespaces/(?<ns>[^/]+)/jobs$")]
    private static partial Regex JobsPath();

    [GeneratedRegex("^/apis/batch/v1/namespaces/(?<ns>[^/]+)/jobs/(?<name>[^/]+)$")]
    private static partial Regex JobPath();

    [GeneratedRegex("^/api/v1/namespaces/(?<ns>[^/]+)/pods$")]
    private static partial Regex PodsPath();

    [GeneratedRegex("^/api/v1/namespaces/(?<ns>[^/]+)/pods/(?<name>[^/]+)$")]
    private static partial Regex PodPath();

    [GeneratedRegex("^/api/v1/namespaces/(?<ns>[^/]+)/pods/(?<name>[^/]+)/log$")]
    private static partial Regex PodLogPath();

    [GeneratedRegex("^/api/v1/namespaces/(?<ns>[^/]+)/events$")]
    private static partial Regex EventsPath();
}
