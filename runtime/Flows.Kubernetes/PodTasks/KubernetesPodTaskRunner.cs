using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Flows.Manifests;
using Microsoft.Extensions.Logging;

namespace Flows.Kubernetes;

/// <summary>
/// Runs each pod task in its own pod on the Kubernetes cluster of the kubeconfig (<c>KUBECONFIG</c>, <c>~/.kube/config</c>)
/// or of the service account when running inside a cluster, in the run's namespace: creates the task's Pod as its
/// generated code built it, streams the primary container's log to the task's logger, and ends the task when that
/// container has terminated, even while sidecars still run. The pod is deleted afterwards in every case (success,
/// failure, cancellation) unless <see cref="KubernetesPodTaskRunnerOptions.KeepPods"/> is set.
/// </summary>
public sealed class KubernetesPodTaskRunner : IPodTaskRunner, IAsyncDisposable
{
    private readonly KubernetesCommandSettings _settings;
    private readonly KubernetesPodTaskRunnerOptions _options;
    private readonly Lazy<KubernetesApi> _api;
    private readonly CancellationTokenSource _disposing = new();
    private readonly ConcurrentDictionary<Task, bool> _running = new();
    private int _disposed;

    /// <param name="notes">Where the connection's retry notes go (the run's error output).</param>
    public KubernetesPodTaskRunner(KubernetesPodTaskRunnerOptions? options = null, TextWriter? notes = null)
        : this(KubernetesCommandSettings.Default, options ?? new KubernetesPodTaskRunnerOptions(), notes ?? Console.Error)
    {
    }

    internal KubernetesPodTaskRunner(KubernetesCommandSettings settings, KubernetesPodTaskRunnerOptions options, TextWriter notes)
    {
        _settings = settings;
        _options = options;
        var synchronizedNotes = TextWriter.Synchronized(notes);
        // Opened at the first pod task: a run whose pod tasks never start needs no cluster.
        _api = new Lazy<KubernetesApi>(() => KubernetesConnection.TryOpen(settings, synchronizedNotes, out var problem)
            ?? throw new PodTaskException("Pod tasks cannot run on Kubernetes: " + problem), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Description => "on Kubernetes";

    public async Task<PodTaskOutcome> RunAsync(PodTaskRequest request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var running = RunPodAsync(request, cancellationToken);
        _running.TryAdd(running, true);
        try
        {
            return await running.ConfigureAwait(false);
        }
        finally
        {
            _running.TryRemove(running, out _);
        }
    }

    private async Task<PodTaskOutcome> RunPodAsync(PodTaskRequest request, CancellationToken cancellationToken)
    {
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
        var token = lifetime.Token;
        var api = _api.Value;
        var run = request.Run;
        var podName = JsonFields.Name(request.Pod) is { Length: > 0 } named ? named : run.PodName;
        var diagnostics = new DiagnosticLineWriter(request.Logger);
        var log = new PrimaryLogRecorder(new PodTaskLog(request.Logger, request.CaptureLog));
        // Whether the pod and its Secret may exist now, so must be deleted: not before they were asked for, not after the API
        // refused to create them, never when they are someone else's.
        var mayExist = false;
        var secretMayExist = false;
        var secret = run.Secret.IsEmpty ? null : run.Secret;
        try
        {
            if (secret is not null)
            {
                secretMayExist = true;
                try
                {
                    await CreateSecretAsync(api, request, secret, token).ConfigureAwait(false);
                }
                catch (PodTaskException failed) when (failed.InnerException is KubernetesApiException refused)
                {
                    secretMayExist = MayHaveCreated(refused);
                    throw;
                }
            }
            mayExist = true;
            JsonObject created;
            try
            {
                created = await RunObjectCreation.CreatePodAsync(api, run.Namespace, podName, run.Identifier, request.Pod, token).ConfigureAwait(false);
            }
            catch (KubernetesApiException refused)
            {
                mayExist = MayHaveCreated(refused);
                throw new PodTaskException(refused.StatusCode switch
                {
                    409 => $"Pod {run.Namespace}/{podName} for task '{request.Task.Name}' already exists and is not this run's attempt: {refused.Message}",
                    403 => $"Could not create pod {run.Namespace}/{podName} for task '{request.Task.Name}': "
                        + ForbiddenAccess.Line(refused, "create", "pods", run.Namespace, request.Flow.Name),
                    _ => $"Could not create pod {run.Namespace}/{podName} for task '{request.Task.Name}' at {api.BaseUri}: {refused.Message}",
                }, inner: refused);
            }
            catch (Exception lost) when (KubernetesApi.IsConnectionError(lost, token))
            {
                throw new PodTaskException($"Could not create pod {run.Namespace}/{podName} for task '{request.Task.Name}' at {api.BaseUri}: {KubernetesApi.Describe(lost)}", inner: lost);
            }
            request.Logger.LogDebug("Created pod {Namespace}/{PodName}", run.Namespace, podName);
            if (secret is not null)
            {
                await OwnSecretAsync(api, request, secret, created, token).ConfigureAwait(false);
            }
            var monitor = new PodTaskMonitor(api, request, podName, _settings, _options, log, diagnostics);
            return await monitor.WaitAsync(token).ConfigureAwait(false);
        }
        finally
        {
            if (mayExist)
            {
                await RemovePodAsync(api, run.Namespace, podName, request.Flow.Name, request.Logger).ConfigureAwait(false);
            }
            if (secret is not null && secretMayExist)
            {
                await RemoveSecretAsync(api, run.Namespace, secret.Name, request.Flow.Name, request.Logger).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Whether a refused create may still have made the object: only when an earlier attempt was lost on the way back
    /// (then retried), and never on 409 (someone else's) or 403 (refused outright).
    /// </summary>
    private static bool MayHaveCreated(KubernetesApiException refused) => refused.Attempts > 1 && refused.StatusCode is not (409 or 403);

    /// <summary>The Secret the Pod reads its inputs and secret parameters from: created first, so the Pod never waits for it.</summary>
    private static async Task CreateSecretAsync(KubernetesApi api, PodTaskRequest request, PodTaskSecret secret, CancellationToken token)
    {
        var run = request.Run;
        try
        {
            await RunSecrets.CreateAsync(api, run.Namespace, secret.ToManifest(run), run.Identifier, token).ConfigureAwait(false);
        }
        catch (KubernetesApiException refused)
        {
            throw new PodTaskException(refused.StatusCode == 403
                ? $"Could not create Secret {run.Namespace}/{secret.Name} with the inputs of task '{request.Task.Name}': " + ForbiddenAccess.Line(refused, "create", "secrets", run.Namespace, request.Flow.Name)
                : $"Could not create Secret {run.Namespace}/{secret.Name} with the inputs of task '{request.Task.Name}' at {api.BaseUri}: {refused.Message}", inner: refused);
        }
        catch (Exception lost) when (KubernetesApi.IsConnectionError(lost, token))
        {
            throw new PodTaskException($"Could not create Secret {run.Namespace}/{secret.Name} with the inputs of task '{request.Task.Name}' at {api.BaseUri}: {KubernetesApi.Describe(lost)}", inner: lost);
        }
        request.Logger.LogDebug("Created Secret {Namespace}/{SecretName}", run.Namespace, secret.Name);
    }

    /// <summary>The Pod owns its Secret: whoever deletes the Pod (kubectl, cleanup) deletes the Secret too. Not fatal: the runner deletes it anyway.</summary>
    private static async Task OwnSecretAsync(KubernetesApi api, PodTaskRequest request, PodTaskSecret secret, JsonObject pod, CancellationToken token)
    {
        try
        {
            await RunSecrets.OwnByAsync(api, request.Run.Namespace, secret.Name, pod, token).ConfigureAwait(false);
        }
        catch (Exception failed) when (failed is KubernetesApiException || KubernetesApi.IsConnectionError(failed, token))
        {
            request.Logger.LogWarning("Could not make pod {PodName} the owner of Secret {Namespace}/{SecretName}: {Reason}. It is deleted when the task ends; if the run is killed first, remove it with: kubectl delete secret -n {Namespace} {SecretName}",
                JsonFields.Name(pod), request.Run.Namespace, secret.Name, KubernetesApi.Describe(failed), request.Run.Namespace, secret.Name);
        }
    }

    private Task RemoveSecretAsync(KubernetesApi api, string @namespace, string secretName, string flowName, ILogger logger) =>
        RemoveAsync(new TaskObject("Secret", "secrets", @namespace, secretName,
                KeptNote: "with the pod (--keep-pods); it goes when the pod is deleted",
                Remedy: $"Remove it with: kubectl delete secret -n {@namespace} {secretName}"),
            token => RunSecrets.DeleteAsync(api, @namespace, secretName, token), flowName, logger);

    private Task RemovePodAsync(KubernetesApi api, string @namespace, string podName, string flowName, ILogger logger) =>
        RemoveAsync(new TaskObject("pod", "pods", @namespace, podName,
                KeptNote: $"(--keep-pods); remove it with: kubectl delete pod -n {@namespace} {podName}",
                Remedy: $"It may still be running; remove it with: kubectl delete pod -n {@namespace} {podName}"),
            token => PodDeletion.DeleteAsync(api, @namespace, podName, token), flowName, logger);

    /// <summary>A task's Pod or Secret, and what to tell when it is kept or cannot be deleted.</summary>
    private sealed record TaskObject(string Kind, string Resource, string Namespace, string Name, string KeptNote, string Remedy);

    /// <summary>Deletes with its own time limit: it also runs after the task was cancelled.</summary>
    private async Task RemoveAsync(TaskObject removed, Func<CancellationToken, Task<bool>> delete, string flowName, ILogger logger)
    {
        if (_options.KeepPods)
        {
            logger.LogInformation("Kept {Kind} {Namespace}/{Name} {KeptNote}", removed.Kind, removed.Namespace, removed.Name, removed.KeptNote);
            return;
        }
        using var limit = new CancellationTokenSource(_settings.CleanupTimeout);
        try
        {
            var deleted = await delete(limit.Token).ConfigureAwait(false);
            logger.LogDebug(deleted ? "Deleted {Kind} {Namespace}/{Name}" : "{Kind} {Namespace}/{Name} was already gone",
                deleted ? removed.Kind : char.ToUpperInvariant(removed.Kind[0]) + removed.Kind[1..], removed.Namespace, removed.Name);
        }
        catch (KubernetesApiException forbidden) when (forbidden.StatusCode == 403)
        {
            logger.LogWarning("Could not delete {Kind} {Namespace}/{Name}: {Reason} {Remedy}",
                removed.Kind, removed.Namespace, removed.Name, ForbiddenAccess.Line(forbidden, "delete", removed.Resource, removed.Namespace, flowName), removed.Remedy);
        }
        catch (Exception failed) when (failed is KubernetesApiException or OperationCanceledException || KubernetesApi.IsConnectionError(failed, CancellationToken.None))
        {
            logger.LogWarning("Could not delete {Kind} {Namespace}/{Name}: {Reason}. {Remedy}",
                removed.Kind, removed.Namespace, removed.Name, KubernetesApi.Describe(failed), removed.Remedy);
        }
    }

    /// <summary>Cancels the tasks still running and waits until their pods are deleted, then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _disposing.CancelAsync().ConfigureAwait(false);
        // A task cancelled by the run may still be deleting its pod: the connection must outlive that.
        await Task.WhenAll(_running.Keys).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_api.IsValueCreated)
        {
            _api.Value.Dispose();
        }
        _disposing.Dispose();
    }
}
