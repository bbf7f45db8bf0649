using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Flows.Manifests;

namespace Flows.Kubernetes;

/// <summary>
/// Follows one run's Job and pods (list+watch by the run's <c>identifier</c> label) until the run is over
/// (see <see cref="RunOutcomeRules"/>), reporting each pod problem once, as one line, as soon as it appears;
/// optionally streams the flow container's log.
/// </summary>
internal sealed class JobRunMonitor
{
    private readonly KubernetesApi _api;
    private readonly KubernetesRunInfo _run;
    private readonly string _primaryContainer;
    private readonly bool _followLog;
    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly KubernetesCommandSettings _settings;
    private readonly Channel<Signal> _signals = Channel.CreateUnbounded<Signal>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, JsonObject> _pods = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deletedPods = new(StringComparer.Ordinal);
    private readonly HashSet<string> _announced = new(StringComparer.Ordinal);
    private readonly ContainerProgress _flowContainer = new();
    private readonly PodProblemReporter _problems;
    private JsonObject? _job;
    private bool _jobDeleted;
    private bool _jobsListed;
    private bool _podsListed;
    private bool _refreshedAtEnd;
    private string? _followedPod;
    private BackgroundLog? _log;
    private CancellationTokenSource? _logStop;

    public JobRunMonitor(KubernetesApi api, KubernetesRunInfo run, string primaryContainer, bool followLog, TextWriter output, TextWriter error, KubernetesCommandSettings settings)
    {
        _api = api;
        _run = run;
        _primaryContainer = primaryContainer;
        _followLog = followLog;
        _output = output;
        _error = error;
        _settings = settings;
        _problems = new PodProblemReporter(api, run.Namespace, error);
    }

    /// <summary>The Job as last seen.</summary>
    public JsonObject? LastJob => _job;

    /// <summary>Every pod of the run as last seen (deleted ones too).</summary>
    public IReadOnlyCollection<JsonObject> LastPods => _pods.Values;

    /// <summary>The problem lines printed, in order.</summary>
    public IReadOnlyList<string> ReportedProblems => _problems.Lines;

    public async Task<RunOutcome> WaitAsync(CancellationToken cancellationToken)
    {
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var logStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _logStop = logStop;
        var selector = RunLabels.IdentifierSelector(_run.Identifier);
        var watchers = new[]
        {
            new ResourceWatcher(_api, ApiPaths.Jobs(_run.Namespace), selector, "Jobs", _settings, _error)
                .RunIntoAsync<Signal>(_signals.Writer, u => new JobChanged(u), e => new WatchFailed("Jobs", e), watching.Token),
            new ResourceWatcher(_api, ApiPaths.Pods(_run.Namespace), selector, "pods", _settings, _error)
                .RunIntoAsync<Signal>(_signals.Writer, u => new PodsChanged(u), e => new WatchFailed("pods", e), watching.Token),
        };
        try
        {
            while (true)
            {
                var signal = await _signals.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (await ApplyAsync(signal, cancellationToken).ConfigureAwait(false) is { } outcome)
                {
                    return outcome;
                }
            }
        }
        finally
        {
            _flowContainer.MarkEnded();
            await watching.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(watchers).ConfigureAwait(false);
            await FinishLogAsync().ConfigureAwait(false);
            _logStop = null;
        }
    }

    private async Task<RunOutcome?> ApplyAsync(Signal signal, CancellationToken cancellationToken)
    {
        switch (signal)
        {
            case WatchFailed failed:
                return new RunOutcome(RunOutcomeKind.Unknown, $"could not go on watching the {failed.What}: {KubernetesApi.Describe(failed.Error)}");
            case JobChanged { Update: WatchRelisted list }:
                _jobsListed = true;
                _job = list.Items.FirstOrDefault(j => JsonFields.Name(j) == _run.JobName) ?? _job;
                _jobDeleted |= !list.Items.Any(j => JsonFields.Name(j) == _run.JobName);
                break;
            case JobChanged { Update: WatchEvent change } when JsonFields.Name(change.Object) == _run.JobName:
                _job = change.Object;
                _jobDeleted |= change.Type == WatchEventType.Deleted;
                break;
            case PodsChanged { Update: WatchRelisted list }:
                _podsListed = true;
                ReplacePods(list.Items);
                break;
            case PodsChanged { Update: WatchEvent change } when IsPodTaskPod(change.Object):
                break;
            case PodsChanged { Update: WatchEvent change }:
                var podName = JsonFields.Name(change.Object);
                _pods[podName] = change.Object;
                if (change.Type == WatchEventType.Deleted)
                {
                    MarkPodDeleted(podName);
                }
                break;
        }
        return await EvaluateAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<RunOutcome?> EvaluateAsync(CancellationToken cancellationToken)
    {
        // Every state a pod passes through is looked at, even before the Jobs are listed: an Unschedulable that
        // the next event clears must still be reported.
        foreach (var pod in _pods.Values.ToList())
        {
            Announce(pod);
            foreach (var problem in PodProblemDetector.Detect(pod))
            {
                await _problems.ReportAsync(problem, cancellationToken).ConfigureAwait(false);
            }
        }
        if (!_jobsListed || !_podsListed)
        {
            // Decide only on the whole picture: a Job already Complete must not end the run before its pod
            // (and the flow container's log) has been seen.
            return null;
        }
        foreach (var pod in _pods.Values)
        {
            // A real API server deletes a pod gracefully: it sets deletionTimestamp, the kubelet stops the
            // containers (the flow container ends with the SIGTERM exit code) and only then is the pod gone.
            // A flow container that failed while its pod was being deleted was ended by the deletion, unless the
            // Job itself failed first and deleted it (DeadlineExceeded). BackoffLimitExceeded follows from the
            // pod's failure, and the Job's watch may tell of it before the pods' watch tells of the deletion.
            if (JsonFields.String(pod, "metadata", "deletionTimestamp") is not null
                && ContainerStatusView.Find(pod, _primaryContainer) is { ExitCode: not 0 } flow && flow.HasEndedForGood(pod)
                && !JobFailedForAReasonOfItsOwn())
            {
                _deletedPods.Add(JsonFields.Name(pod));
            }
        }
        foreach (var deleted in _deletedPods)
        {
            await _problems.ReportAsync(PodProblemDetector.Deleted(deleted), cancellationToken).ConfigureAwait(false);
        }
        StartLogIfReady();
        if (_followedPod is not null
            && (_deletedPods.Contains(_followedPod)
                || (ContainerStatusView.Find(_pods[_followedPod], _primaryContainer)?.HasEndedForGood(_pods[_followedPod]) ?? false)))
        {
            _flowContainer.MarkEnded();
        }
        var outcome = RunOutcomeRules.Decide(_run.JobName, _job, _jobDeleted, _pods.Values, _primaryContainer);
        if (outcome is null && _problems.FirstFatal is { } fatal)
        {
            outcome = RunOutcome.Failure($"the problem of pod {fatal.PodName} reported above stops the run");
        }
        if (outcome is not null && !_refreshedAtEnd)
        {
            // The Job's watch may tell of the end before the pods' watch tells how: why it failed (Evicted,
            // OOMKilled, ...), or that the flow container ran at all (its log is still to be read).
            _refreshedAtEnd = true;
            await RefreshPodsAsync(cancellationToken).ConfigureAwait(false);
            return await EvaluateAsync(cancellationToken).ConfigureAwait(false);
        }
        return outcome;
    }

    private async Task RefreshPodsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var list = await _api.GetAsync(ApiPaths.WithLabelSelector(ApiPaths.Pods(_run.Namespace), RunLabels.IdentifierSelector(_run.Identifier)), cancellationToken).ConfigureAwait(false);
            // A pod gone by now, its last events still unread, went as the watch would have told.
            ReplacePods(JsonFields.Objects(list, "items").ToList());
        }
        catch (Exception unavailable) when (unavailable is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>The pods as a list shows them now: a known pod missing from it was deleted.</summary>
    private void ReplacePods(IReadOnlyList<JsonObject> pods)
    {
        pods = pods.Where(pod => !IsPodTaskPod(pod)).ToList();
        var present = pods.Select(JsonFields.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _pods.Keys.Where(name => !present.Contains(name)).ToList())
        {
            MarkPodDeleted(gone);
        }
        foreach (var pod in pods)
        {
            _pods[JsonFields.Name(pod)] = pod;
        }
    }

    /// <summary>
    /// A pod task's Pod carries the run's identifier too (so that cleanup and evidence find it) but is not the Job's: the
    /// flow in the Job creates and deletes it, and its deletion is no problem of the run.
    /// </summary>
    private static bool IsPodTaskPod(JsonObject pod) =>
        pod["metadata"]?["labels"] is JsonObject labels && labels.ContainsKey(RunLabels.Task);

    private bool JobFailedForAReasonOfItsOwn() =>
        RunOutcomeRules.Condition(_job, "Failed") is { } failed && JsonFields.String(failed, "reason") != "BackoffLimitExceeded";

    private void MarkPodDeleted(string podName)
    {
        var pod = _pods[podName];
        if (!(ContainerStatusView.Find(pod, _primaryContainer)?.HasEndedForGood(pod) ?? false))
        {
            _deletedPods.Add(podName);
        }
    }

    private void Announce(JsonObject pod)
    {
        var name = JsonFields.Name(pod);
        if (_announced.Add(name + "/created"))
        {
            _error.WriteLine($"Pod {name} created.");
        }
        if (ContainerStatusView.Find(pod, _primaryContainer) is { HasStarted: true } && _announced.Add(name + "/started"))
        {
            _error.WriteLine($"Pod {name}: flow container '{_primaryContainer}' started.");
        }
    }

    private void StartLogIfReady()
    {
        if (!_followLog || _log is not null || _logStop is null)
        {
            return;
        }
        var pod = _pods.Values.FirstOrDefault(p => !_deletedPods.Contains(JsonFields.Name(p))
            && ContainerStatusView.Find(p, _primaryContainer) is { HasStarted: true });
        if (pod is null)
        {
            return;
        }
        _followedPod = JsonFields.Name(pod);
        var follower = new ContainerLogFollower(_api, _run.Namespace, _followedPod, _primaryContainer, _flowContainer, _output, _error, _settings);
        _log = BackgroundLog.Start(follower, _logStop, _followedPod, _error, _settings.LogFinishTimeout);
    }

    private async Task FinishLogAsync()
    {
        if (_log is not null)
        {
            await _log.FinishAsync().ConfigureAwait(false);
        }
    }

    private abstract record Signal;

    private sealed record JobChanged(WatchUpdate Update) : Signal;

    private sealed record PodsChanged(WatchUpdate Update) : Signal;

    private sealed record WatchFailed(string What, Exception Error) : Signal;
}
