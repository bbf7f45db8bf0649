using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace Flows.Manifests;

/// <summary>
/// A flow's Kubernetes Job, emitted by the generator from the job-spec YAML checked at build time,
/// with the generated code that patches it for one run.
/// </summary>
public sealed class KubernetesJobTemplate
{
    private readonly Func<KubernetesRunInfo, JsonObject> _createJob;

    public KubernetesJobTemplate(string? jobSpecFile, string primaryContainerName, string image, string defaultNamespace, string jobBaseName, Func<KubernetesRunInfo, JsonObject> createJob)
    {
        JobSpecFile = jobSpecFile;
        PrimaryContainerName = primaryContainerName;
        Image = image;
        DefaultNamespace = defaultNamespace;
        JobBaseName = jobBaseName;
        _createJob = createJob;
    }

    /// <summary>The job-spec file as named on the attribute, or null for the default Job.</summary>
    public string? JobSpecFile { get; }

    /// <summary>The container that runs the flow.</summary>
    public string PrimaryContainerName { get; }

    /// <summary><c>registry_url/image_name:image_tag</c> from the flow's Docker storage.</summary>
    public string Image { get; }

    public string DefaultNamespace { get; }

    /// <summary>The Job name before the per-run suffix: the spec's metadata.name, or the flow's name made DNS-safe.</summary>
    public string JobBaseName { get; }

    /// <summary>The patched Job for one run, as a new JSON object (deterministic for a given run).</summary>
    public JsonObject CreateJob(KubernetesRunInfo run)
    {
        var job = _createJob(run);
        if (run.Parameters != JobParameters.None)
        {
            run.Parameters.Apply(PrimaryContainer(job), run);
        }
        return job;
    }

    /// <summary>The flow container, by name, in the patched Job.</summary>
    private JsonObject PrimaryContainer(JsonObject job)
    {
        var spec = JobSpecPatching.ObjectAt(JobSpecPatching.ObjectAt(JobSpecPatching.ObjectAt(job, "spec"), "template"), "spec");
        var containers = spec["containers"] as JsonArray ?? new JsonArray();
        foreach (var container in containers.OfType<JsonObject>())
        {
            if (container["name"] is JsonValue name && name.TryGetValue<string>(out var text) && text == PrimaryContainerName)
            {
                return container;
            }
        }
        throw new InvalidOperationException($"The Job has no container '{PrimaryContainerName}'; rebuild the project with the current Flows generator.");
    }
}
