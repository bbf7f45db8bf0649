using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Flows.Manifests;

namespace Flows.Kubernetes;

/// <summary>
/// Saves what is needed to understand a failed run before its Job is deleted, in one folder:
/// <c>summary.txt</c> (the outcome, the problems reported, each pod's containers, the events in order),
/// <c>job.yaml</c> (the Job as submitted), <c>job.json</c> and
/// <c>pod-NAME.json</c> (the objects with their status, as the API last had them), <c>events.json</c>
/// (the events of the Job and its pods), and <c>pod-NAME.CONTAINER.log</c> (the tail of each
/// container's log, with timestamps). The folder is 0700 and its files 0600, and literal env values in the
/// objects are redacted (<see cref="EnvValueRedaction"/>).
/// </summary>
internal static class EvidenceWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<IReadOnlyList<string>> SaveAsync(KubernetesApi api, EvidenceInput input, string folder, KubernetesCommandSettings settings,
        CancellationToken cancellationToken)
    {
        PrivateFiles.CreateFolder(folder);
        var written = new List<string>();
        var gaps = new List<string>();
        var run = input.Run;

        void Write(string fileName, string content)
        {
            PrivateFiles.WriteText(Path.Combine(folder, fileName), content);
            written.Add(fileName);
        }

        async Task<T?> TryAsync<T>(string what, Func<Task<T>> read) where T : class
        {
            try
            {
                return await read().ConfigureAwait(false);
            }
            catch (Exception failed) when (failed is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                gaps.Add($"could not read {what}: {KubernetesApi.Describe(failed)}");
                return null;
            }
        }

        Write("job.yaml", JobYaml.Write(EnvValueRedaction.Redact(input.RenderedJob)));

        var job = await TryAsync("the Job", () => api.GetAsync(ApiPaths.Job(run.Namespace, run.JobName), cancellationToken)).ConfigureAwait(false) ?? input.LastJob;
        if (job is not null)
        {
            Write("job.json", EnvValueRedaction.Redact(job).ToJsonString(Indented));
        }

        var podList = await TryAsync("the pods", () => api.GetAsync(ApiPaths.WithLabelSelector(ApiPaths.Pods(run.Namespace), RunLabels.IdentifierSelector(run.Identifier)), cancellationToken)).ConfigureAwait(false);
        var pods = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var pod in input.LastPods.Concat(JsonFields.Objects(podList, "items")))
        {
            pods[JsonFields.Name(pod)] = pod;
        }
        foreach (var (name, pod) in pods)
        {
            Write($"pod-{name}.json", EnvValueRedaction.Redact(pod).ToJsonString(Indented));
        }

        var events = new List<JsonObject>();
        foreach (var involved in pods.Keys.Prepend(run.JobName))
        {
            var list = await TryAsync($"the events of {involved}", () => api.GetAsync(ApiPaths.EventsOf(run.Namespace, involved), cancellationToken)).ConfigureAwait(false);
            events.AddRange(JsonFields.Objects(list, "items").Select(e => (JsonObject)e.DeepClone()));
        }
        events = events.OrderBy(EventTimes.SortKey).ToList();
        Write("events.json", new JsonArray(events.Select(e => (JsonNode)e).ToArray()).ToJsonString(Indented));

        foreach (var (name, pod) in pods)
        {
            foreach (var container in ContainerNames(pod))
            {
                var path = string.Create(CultureInfo.InvariantCulture,
                    $"{ApiPaths.PodLog(run.Namespace, name)}?container={ApiPaths.Escape(container)}&timestamps=true&tailLines={settings.EvidenceLogTailLines}");
                string log;
                try
                {
                    log = await api.GetTextAsync(path, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception failed) when (failed is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    log = $"(no log: {KubernetesApi.Describe(failed)})\n";
                }
                Write($"pod-{name}.{container}.log", log);
            }
        }

        Write("summary.txt", Summary(input, pods.Values, events, gaps, written));
        return written;
    }

    private static IEnumerable<string> ContainerNames(JsonObject pod) =>
        JsonFields.Objects(pod, "spec", "initContainers").Concat(JsonFields.Objects(pod, "spec", "containers"))
            .Select(c => JsonFields.String(c, "name"))
            .OfType<string>();

    private static string Summary(EvidenceInput input, IEnumerable<JsonObject> pods, IReadOnlyList<JsonObject> events, IReadOnlyList<string> gaps, IReadOnlyList<string> files)
    {
        var run = input.Run;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Flow:        {run.FlowName}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Flow run id: {run.FlowRunId}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Job:         {run.Namespace}/{run.JobName} (label {RunLabels.IdentifierSelector(run.Identifier)})");
        text.AppendLine(CultureInfo.InvariantCulture, $"Image:       {run.Image}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Outcome:     {input.Outcome.Summary}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Saved:       {DateTimeOffset.UtcNow:yyyy-MM-dd'T'HH:mm:ss'Z'}");
        text.AppendLine();
        text.AppendLine("Problems reported:");
        foreach (var line in input.Problems.DefaultIfEmpty("(none)"))
        {
            text.AppendLine("  " + line);
        }
        text.AppendLine();
        text.AppendLine("Pods:");
        foreach (var pod in pods)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {JsonFields.Name(pod)}: phase {JsonFields.String(pod, "status", "phase") ?? "?"}");
            foreach (var container in ContainerStatusView.All(pod))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {container.Name} ({container.Image}): {DescribeState(container)}");
            }
        }
        text.AppendLine();
        text.AppendLine("Events:");
        foreach (var item in events)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {EventTimes.Of(item)} {JsonFields.String(item, "type")} {JsonFields.String(item, "reason")} {JsonFields.String(item, "involvedObject", "kind")?.ToLowerInvariant()}/{JsonFields.String(item, "involvedObject", "name")}: {JsonFields.String(item, "message")}");
        }
        if (gaps.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Missing:");
            foreach (var gap in gaps)
            {
                text.AppendLine("  " + gap);
            }
        }
        text.AppendLine();
        text.AppendLine("Files: " + string.Join(", ", files.Append("summary.txt")));
        return text.ToString();
    }

    private static string DescribeState(ContainerStatusView container)
    {
        if (container.Terminated is { } terminated)
        {
            return $"terminated, exit code {JsonFields.Integer(terminated, "exitCode")}, reason {JsonFields.String(terminated, "reason") ?? "-"}";
        }
        if (container.IsRunning)
        {
            return "running";
        }
        if (container.Waiting is { } waiting)
        {
            return $"waiting: {JsonFields.String(waiting, "reason")}: {JsonFields.String(waiting, "message")}";
        }
        return "unknown";
    }
}

/// <summary>What the run monitor knew when the run failed.</summary>
internal sealed record EvidenceInput(KubernetesRunInfo Run, JsonObject RenderedJob, JsonObject? LastJob, IReadOnlyCollection<JsonObject> LastPods,
    IReadOnlyList<string> Problems, RunOutcome Outcome);
