using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Flows.Kubernetes;

/// <summary>
/// Follows one task pod (list+watch by its name) until its primary container has terminated for good, streaming that
/// container's log meanwhile; sidecars still running do not hold the task. Throws <see cref="PodTaskException"/> when
/// the pod cannot run: an image that cannot be pulled or a failed pod (at once), a problem it may recover from that
/// lasts longer than <see cref="KubernetesPodTaskRunnerOptions.ProblemTimeout"/>, the pod deleted, or the watch lost.
/// </summary>
internal sealed class PodTaskMonitor
{
    private readonly KubernetesApi _api;
    private readonly PodTaskRequest _request;
    private readonly string _podName;
    private readonly KubernetesCommandSettings _settings;
    private readonly KubernetesPodTaskRunnerOptions _options;
    private readonly PrimaryLogRecorder _log;
    private readonly TextWriter _diagnostics;
    private readonly PodProblemReporter _problems;
    private readonly Channel<Signal> _signals = Channel.CreateUnbounded<Signal>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ContainerProgress _primary = new();
    /// <summary>The line reported for each problem, by its key.</summary>
    private readonly Dictionary<string, string> _problemLines = new(StringComparer.Ordinal);
    /// <summary>The problems the pod may recover from whose time is running.</summary>
    private readonly HashSet<string> _problemClocks = new(StringComparer.Ordinal);
    private JsonObject? _pod;
    private bool _deleted;
    private BackgroundLog? _following;
    private ContainerLogFollower? _follower;

    public PodTaskMonitor(KubernetesApi api, PodTaskRequest request, string podName, KubernetesCommandSettings settings, KubernetesPodTaskRunnerOptions options,
        PrimaryLogRecorder log, TextWriter diagnostics)
    {
        _api = api;
        _request = request;
        _podName = podName;
        _settings = settings;
        _options = options;
        _log = log;
        _diagnostics = diagnostics;
        _problems = new PodProblemReporter(api, request.Run.Namespace, diagnostics, request.Flow.Name);
    }

    private string Namespace => _request.Run.Namespace;

    private string PrimaryName => _request.PrimaryContainerName;

    public async Task<PodTaskOutcome> WaitAsync(CancellationToken cancellationToken)
    {
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var logStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watcher = new ResourceWatcher(_api, ApiPaths.Pods(Namespace), "", $"pod {_podName}", _settings, _diagnostics, ApiPaths.NameSelector(_podName));
        var watch = watcher.RunIntoAsync<Signal>(_signals.Writer, update => new PodChanged(update), error => new WatchFailed(error), watching.Token);
        ContainerStatusView primary;
        try
        {
            primary = await WaitForPrimaryEndAsync(logStop, watching.Token, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The task is over without its container's end: what the log still holds does not matter.
            await logStop.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            _primary.MarkEnded();
            await watching.CancelAsync().ConfigureAwait(false);
            await watch.ConfigureAwait(false);
            await FinishLogAsync().ConfigureAwait(false);
        }
        if (_follower?.Forbidden is { } logRefused)
        {
            // The task's log (and a container task's result) cannot be read: not a success with an empty log.
            throw new PodTaskException($"Could not read the log of task '{_request.Task.Name}' in pod {Namespace}/{_podName}: "
                + ForbiddenAccess.Line(logRefused, "get", "pods/log", Namespace, _request.Flow.Name), inner: logRefused);
        }
        var terminated = primary.Terminated!;
        var exitCode = (int)(JsonFields.Integer(terminated, "exitCode") ?? -1);
        return new PodTaskOutcome(exitCode, Reason(terminated), JsonFields.String(terminated, "message"), _log.Log.Tail, _log.Log.WholeLog, _log.Log.WholeLogBytes);
    }

    private async Task<ContainerStatusView> WaitForPrimaryEndAsync(CancellationTokenSource logStop, CancellationToken watchToken, CancellationToken cancellationToken)
    {
        while (true)
        {
            var signal = await _signals.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            switch (signal)
            {
                case WatchFailed { Error: KubernetesApiException { StatusCode: 403 } forbidden }:
                    throw new PodTaskException($"Could not follow pod {Namespace}/{_podName} of task '{_request.Task.Name}': "
                        + ForbiddenAccess.Line(forbidden, "watch", "pods", Namespace, _request.Flow.Name), inner: forbidden);
                case WatchFailed failed:
                    throw new PodTaskException($"Lost track of pod {Namespace}/{_podName} of task '{_request.Task.Name}': {KubernetesApi.Describe(failed.Error)}", inner: failed.Error);
                case ProblemDeadline deadline:
                    if (_pod is not null && PodProblemDetector.Detect(_pod).Any(p => p.Key == deadline.Problem.Key))
                    {
                        throw CannotRun(_problemLines[deadline.Problem.Key], $" for {_options.ProblemTimeout.TotalSeconds:0.##} s");
                    }
                    // It went away; should it come back, its time starts again.
                    _problemClocks.Remove(deadline.Problem.Key);
                    continue;
                case PodChanged { Update: WatchRelisted list }:
                    var current = list.Items.FirstOrDefault(p => JsonFields.Name(p) == _podName);
                    _pod = current ?? _pod;
                    _deleted |= current is null;
                    break;
                case PodChanged { Update: WatchEvent change } when JsonFields.Name(change.Object) == _podName:
                    _pod = change.Object;
                    _deleted |= change.Type == WatchEventType.Deleted;
                    break;
            }
            if (await EvaluateAsync(logStop, watchToken, cancellationToken).ConfigureAwait(false) is { } ended)
            {
                return ended;
            }
        }
    }

    /// <summary>The primary's status once it has terminated for good; null while the task goes on; throws when the pod cannot run.</summary>
    private async Task<ContainerStatusView?> EvaluateAsync(CancellationTokenSource logStop, CancellationToken watchToken, CancellationToken cancellationToken)
    {
        var pod = _pod;
        if (pod is not null)
        {
            foreach (var problem in PodProblemDetector.Detect(pod))
            {
                if (await _problems.ReportAsync(problem, cancellationToken).ConfigureAwait(false) is { } line)
                {
                    _problemLines[problem.Key] = line;
                }
                if (!problem.IsFatal)
                {
                    StartProblemClock(problem, watchToken);
                }
            }
            var primary = ContainerStatusView.Find(pod, PrimaryName);
            if (primary is { HasStarted: true })
            {
                StartLog(logStop);
            }
            if (primary is not null && primary.HasEndedForGood(pod))
            {
                // Killed because someone deleted the pod (its deletionTimestamp is set) is not how the task ended.
                if (JsonFields.String(pod, "metadata", "deletionTimestamp") is null || primary.ExitCode == 0)
                {
                    return primary;
                }
                _deleted = true;
            }
        }
        if (_deleted)
        {
            throw new PodTaskException($"Pod {Namespace}/{_podName} was deleted while task '{_request.Task.Name}' ran (evicted, preempted, or deleted by someone).");
        }
        if (pod is null)
        {
            return null;
        }
        var phase = JsonFields.String(pod, "status", "phase");
        if (phase is "Failed" or "Succeeded")
        {
            var why = JsonFields.String(pod, "status", "reason") is { } reason ? $": {reason}: {JsonFields.String(pod, "status", "message") ?? "(no message)"}" : "";
            throw new PodTaskException(
                $"Pod {Namespace}/{_podName} of task '{_request.Task.Name}' ended ({phase}{why}) without container '{PrimaryName}' having terminated.");
        }
        if (_problems.FirstFatal is { } fatal)
        {
            throw CannotRun(_problemLines[fatal.Key], "");
        }
        return null;
    }

    private PodTaskException CannotRun(string problemLine, string duration) =>
        new($"Task '{_request.Task.Name}' could not run{duration}: {DiagnosticLineWriter.Classify(problemLine).Message}");

    /// <summary>The container's reason, and the pod's when the pod failed as a whole (Evicted, DeadlineExceeded).</summary>
    private string? Reason(JsonObject terminated)
    {
        var reason = JsonFields.String(terminated, "reason");
        if (JsonFields.String(_pod, "status", "phase") == "Failed" && JsonFields.String(_pod, "status", "reason") is { } podReason)
        {
            var podWhy = $"pod {podReason}: {JsonFields.String(_pod, "status", "message") ?? "(no message)"}";
            return reason is null ? podWhy : reason + "; " + podWhy;
        }
        return reason;
    }

    private void StartProblemClock(PodProblem problem, CancellationToken watchToken)
    {
        if (!_problemClocks.Add(problem.Key))
        {
            return;
        }
        _ = Task.Delay(_options.ProblemTimeout, watchToken).ContinueWith(
            waited => _signals.Writer.TryWrite(new ProblemDeadline(problem)),
            CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    private void StartLog(CancellationTokenSource logStop)
    {
        if (_following is not null)
        {
            return;
        }
        var follower = new ContainerLogFollower(_api, Namespace, _podName, PrimaryName, _primary, _log, _diagnostics, _settings, _request.Flow.Name);
        _follower = follower;
        _following = BackgroundLog.Start(follower, logStop, $"{_podName}/{PrimaryName}", _diagnostics, _settings.LogFinishTimeout);
    }

    private async Task FinishLogAsync()
    {
        if (_following is not null)
        {
            await _following.FinishAsync().ConfigureAwait(false);
        }
    }

    private abstract record Signal;

    private sealed record PodChanged(WatchUpdate Update) : Signal;

    private sealed record WatchFailed(Exception Error) : Signal;

    private sealed record ProblemDeadline(PodProblem Problem) : Signal;
}
