using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Flows.Kubernetes;

/// <summary>
/// Prints each pod problem once, as one line (<c>error: pod P: Reason: description</c>, or <c>warning:</c>
/// for one that does not end the run), adding the pod's latest Warning event when it says more than the
/// pod's status does (e.g. the registry's answer behind an <c>ImagePullBackOff</c>).
/// </summary>
internal sealed class PodProblemReporter
{
    private readonly KubernetesApi _api;
    private readonly string _namespace;
    private readonly TextWriter _error;
    private readonly HashSet<string> _reportedKeys = new(StringComparer.Ordinal);
    private readonly List<string> _lines = new();
    private readonly string? _flowName;
    private bool _eventsForbidden;

    /// <param name="flowName">The flow whose Job makes the requests (pod tasks): a 403 then names its <c>render --rbac</c>.</param>
    public PodProblemReporter(KubernetesApi api, string @namespace, TextWriter error, string? flowName = null)
    {
        _flowName = flowName;
        _api = api;
        _namespace = @namespace;
        _error = error;
    }

    /// <summary>The lines printed, in order.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <summary>The first problem reported that ends the run, if any.</summary>
    public PodProblem? FirstFatal { get; private set; }

    /// <returns>The line printed; null when the problem was reported before.</returns>
    public async Task<string?> ReportAsync(PodProblem problem, CancellationToken cancellationToken)
    {
        if (!_reportedKeys.Add(problem.Key))
        {
            return null;
        }
        var evidence = problem.Reason == "PodDeleted" ? "" : await LatestWarningEventAsync(problem, cancellationToken).ConfigureAwait(false);
        var line = $"{(problem.IsFatal ? "error" : "warning")}: pod {problem.PodName}: {problem.Reason}: {problem.Description}{evidence}";
        _error.WriteLine(line);
        _lines.Add(line);
        if (problem.IsFatal)
        {
            FirstFatal ??= problem;
        }
        return line;
    }

    /// <summary>The pod's latest Warning event, as <c>" (event Reason: message)"</c>, when it says more than the status does.</summary>
    private async Task<string> LatestWarningEventAsync(PodProblem problem, CancellationToken cancellationToken)
    {
        try
        {
            var events = await _api.GetAsync(ApiPaths.EventsOf(_namespace, problem.PodName), cancellationToken).ConfigureAwait(false);
            var latest = JsonFields.Objects(events, "items")
                .Where(e => JsonFields.String(e, "type") == "Warning" && !IsBareReason(JsonFields.String(e, "message")))
                .OrderBy(EventTimes.SortKey)
                .LastOrDefault();
            var message = JsonFields.String(latest, "message");
            // The kubelet's "Error: <what the status says>" adds nothing either.
            return string.IsNullOrWhiteSpace(message) || problem.Description.Contains(WithoutErrorPrefix(message), StringComparison.Ordinal)
                ? ""
                : $" (event {JsonFields.String(latest, "reason")}: {message})";
        }
        catch (KubernetesApiException forbidden) when (forbidden.StatusCode == 403)
        {
            // Events only add evidence: the problem line still goes out, after this one (once) says why it has none.
            if (!_eventsForbidden)
            {
                _eventsForbidden = true;
                _error.WriteLine($"warning: could not read the events of pod {problem.PodName}: {ForbiddenAccess.Line(forbidden, "list", "events", _namespace, _flowName)}");
            }
            return "";
        }
        catch (Exception unavailable) when (unavailable is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return "";
        }
    }

    private static string WithoutErrorPrefix(string message) => message.StartsWith("Error: ", StringComparison.Ordinal) ? message.Substring(7) : message;

    /// <summary>The kubelet also records events like "Error: ImagePullBackOff" that only repeat the reason.</summary>
    private static bool IsBareReason(string? message) =>
        message is null || (message.StartsWith("Error: ", StringComparison.Ordinal) && !message.AsSpan(7).ContainsAny(' ', ':'));
}
