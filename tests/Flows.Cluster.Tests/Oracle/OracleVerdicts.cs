using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Flows.Generators.Kubernetes.Validation;
using Flows.Kubernetes;
using Flows.Manifests;

namespace Flows.Cluster.Tests.Oracle;

/// <summary>A verdict: accepted, or rejected with the messages why.</summary>
internal sealed record Verdict(bool Rejected, string Messages)
{
    public static Verdict Accepted { get; } = new(false, "");
}

/// <summary>The build-time checker's verdict on a spec, with the options the job and pod-task checkers pass.</summary>
internal static class CheckerVerdict
{
    public static SpecOptions Options(OracleBase @base, JsonObject json)
    {
        if (@base.Kind == OracleKind.Job)
        {
            // [KubernetesJob] names the primary by index (PrimaryContainer, else the first): its name is whatever the spec says.
            var containers = OracleBase.Containers(json);
            var name = containers is not null && @base.PrimaryIndex < containers.Count && containers[@base.PrimaryIndex] is JsonObject c
                && c["name"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
            return new SpecOptions { FlowsContainer = name, OverwrittenFields = OracleBase.JobOverwritten };
        }
        return new SpecOptions
        {
            FlowsContainer = @base.PrimaryName,
            OverwrittenFields = OracleBase.PodOverwritten,
            FlowsAddsContainer = true,
            FlowsDefaultsRestartPolicyToNever = true,
        };
    }

    public static Verdict Of(OracleBase @base, JsonObject json)
    {
        var root = OracleBase.ToYaml(json);
        var options = Options(@base, json);
        var errors = @base.Kind == OracleKind.Job ? KubernetesValidator.ValidateJob(root, options) : KubernetesValidator.ValidatePod(root, options);
        return errors.HasErrors
            ? new Verdict(true, string.Join("; ", errors.All.Where(e => !e.IsWarning).Select(e => e.Message)))
            : Verdict.Accepted;
    }
}

/// <summary>
/// The spec as Flows sends it for a run, by the runtime's own patching (JobSpecPatching, PodTaskPatching) as the
/// generated code calls it (KubernetesJobEmitter, PodTaskEmitter: a sidecar pod task).
/// </summary>
internal static class RunPatch
{
    public const string FlowRunId = "oracle-1";
    public const string Image = "localhost:5000/flows/oracle:1";

    public static JsonObject Apply(OracleBase @base, JsonObject mutant, string @namespace)
    {
        var json = (JsonObject)mutant.DeepClone();
        var identifier = KubernetesRunInfo.IdentifierFor(FlowRunId);
        if (@base.Kind == OracleKind.Job)
        {
            var run = new KubernetesRunInfo("oracle", FlowRunId, identifier, @namespace, "oracle-job-" + identifier[..10], Image);
            var metadata = JobSpecPatching.ObjectAt(json, "metadata");
            metadata["name"] = run.JobName;
            if (metadata.ContainsKey("namespace"))
            {
                metadata["namespace"] = run.Namespace;
            }
            JobSpecPatching.SetRunLabels(metadata, run);
            var spec = JobSpecPatching.ObjectAt(json, "spec");
            JobSpecPatching.SetRunLabels(JobSpecPatching.ObjectAt(JobSpecPatching.ObjectAt(spec, "template"), "metadata"), run);
            // The generator finds the primary by index at build time; a mutant without it would not build, and is sent as it is.
            if (OracleBase.Containers(json) is { } containers && @base.PrimaryIndex < containers.Count && containers[@base.PrimaryIndex] is JsonObject)
            {
                var container = JobSpecPatching.Container(json, @base.PrimaryIndex);
                container["image"] = run.Image;
                container["command"] = JobSpecPatching.Strings("/app/Oracle");
                container["args"] = JobSpecPatching.Strings("run", "--flow", "oracle");
                if (container["env"] is null or JsonArray)
                {
                    JobSpecPatching.AppendRunEnvironment(container, run);
                }
            }
            if (spec["ttlSecondsAfterFinished"] is null)
            {
                spec["ttlSecondsAfterFinished"] = 3600;
            }
            return json;
        }
        var task = new PodTaskRunInfo("oracle", FlowRunId, identifier, @namespace, "oracle-task-" + identifier[..10] + "-1", Image, "Task", 1, "{}", []);
        PodTaskPatching.SetRunMetadata(json, task);
        PodTaskPatching.SetDefaultRestartPolicy(json);
        if (JobSpecPatching.ObjectAt(json, "spec")["containers"] is null or JsonArray)
        {
            var primary = PodTaskPatching.PrimaryContainer(json, @base.PrimaryName);
            primary["image"] = task.Image;
            primary["command"] = PodTaskPatching.Strings(["/app/Oracle"]);
            primary["args"] = PodTaskPatching.Strings(task.TaskArguments);
            var terminationMessagePath = PodTaskPatching.SetTerminationMessage(primary);
            PodTaskPatching.SetResources(primary, null, null, null, null);
            PodTaskPatching.SetEnvironment(primary, [], task, false, PodTaskPatching.SidecarTaskVariables(task, terminationMessagePath));
        }
        return json;
    }
}

/// <summary>The real API server's verdict: the patched spec POSTed with <c>?dryRun=All</c>.</summary>
internal sealed class ServerVerdicts : IDisposable
{
    private readonly KubernetesApi _api;
    private readonly string _namespace;

    public ServerVerdicts(string kubeconfig, string @namespace)
    {
        var configuration = KubeconfigFile.TryRead(kubeconfig) ?? k8s.KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig);
        var settings = new KubernetesCommandSettings { RequestTimeout = TimeSpan.FromSeconds(20) };
        _api = new KubernetesApi(configuration, settings, TextWriter.Null);
        _namespace = @namespace;
    }

    /// <summary>201: accepted; 400 or 422: rejected (the server's message); 403: rejected by admission (kept apart); anything else throws.</summary>
    public async Task<(Verdict Verdict, bool Admission)> OfAsync(OracleKind kind, JsonObject patched, CancellationToken cancellationToken)
    {
        var path = kind == OracleKind.Job
            ? $"/apis/batch/v1/namespaces/{_namespace}/jobs?dryRun=All"
            : $"/api/v1/namespaces/{_namespace}/pods?dryRun=All";
        try
        {
            await _api.PostAsync(path, patched, cancellationToken);
            return (Verdict.Accepted, false);
        }
        catch (KubernetesApiException rejected) when (rejected.StatusCode is 400 or 422)
        {
            return (new Verdict(true, rejected.Message), false);
        }
        catch (KubernetesApiException forbidden) when (forbidden.StatusCode == 403)
        {
            return (new Verdict(true, forbidden.Message), true);
        }
    }

    public void Dispose() => _api.Dispose();
}
