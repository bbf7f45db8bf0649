using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Flows.Runtime.Tests.Kubernetes.Support;

namespace Flows.Runtime.Tests.Kubernetes;

/// <summary>
/// The patch contract: walking the job spec as written and the patched Job side by side, they differ only at
/// the paths the patch owns, and nothing of the spec is lost.
/// </summary>
public class JobPatchDiffTests
{
    public static TheoryData<string, string, int> Specs => new()
    {
        { "k8s seed 001", "seed001.job.yaml", 0 },
        { "k8s seed 000", "seed000.job.yaml", 0 },
        { "k8s second container", "second-container.job.yaml", 1 },
        { "k8s namespaced", "namespaced.job.yaml", 0 },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void The_patched_job_differs_from_the_spec_only_where_the_patch_owns_the_path(string flowName, string fixture, int primary)
    {
        var input = YamlToJson.Parse(RepositoryFiles.Fixture(fixture))!.AsObject();
        var output = RenderedJob.For(KubernetesTestFlows.Named(flowName)).Job;

        var differences = JsonTreeDiff.Compare(input, output);

        Assert.DoesNotContain(differences, d => d.Change == JsonChange.Removed);
        var allowed = AllowedPaths(input, output, primary);
        var unexpected = differences.Where(d => !allowed(d.Path, d.Change)).Select(d => $"{d.Change} {d.Path}").ToList();
        Assert.True(unexpected.Count == 0, "The patch changed paths it does not own:\n" + string.Join("\n", unexpected));
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void The_user_env_stays_first_and_unchanged_and_the_run_env_follows_it(string flowName, string fixture, int primary)
    {
        var input = YamlToJson.Parse(RepositoryFiles.Fixture(fixture))!.AsObject();
        var rendered = RenderedJob.For(KubernetesTestFlows.Named(flowName));

        var inputEnv = Container(input, primary)["env"] as JsonArray ?? new JsonArray();
        var outputEnv = (JsonArray)Container(rendered.Job, primary)["env"]!;

        Assert.Equal(inputEnv.Select(e => e!.ToJsonString()), outputEnv.Take(inputEnv.Count).Select(e => e!.ToJsonString()));
        Assert.Equal(
            rendered.Run.Environment.Select(pair => new JsonObject { ["name"] = pair.Key, ["value"] = pair.Value }.ToJsonString()),
            outputEnv.Skip(inputEnv.Count).Select(e => e!.ToJsonString()));
    }

    [Fact]
    public void The_patch_sets_the_run_values()
    {
        var rendered = RenderedJob.For(Seed001Flow.Definition);
        var run = rendered.Run;
        var job = rendered.Job;

        Assert.Equal(run.JobName, (string?)job["metadata"]!["name"]);
        foreach (var labels in new[] { job["metadata"]!["labels"]!, job["spec"]!["template"]!["metadata"]!["labels"]! })
        {
            Assert.Equal(run.Identifier, (string?)labels["identifier"]);
            Assert.Equal(RenderedJob.RunId, (string?)labels["flow_run_id"]);
        }
        var container = Container(job, 0);
        Assert.Equal("joshmeek18/flows:0.1.0", (string?)container["image"]);
        Assert.Equal("""["/app/Flows.Runtime.Tests"]""", container["command"]!.ToJsonString());
        Assert.Equal("""["run","--flow","k8s seed 001"]""", container["args"]!.ToJsonString());
        Assert.Equal(3600, (int)job["spec"]!["ttlSecondsAfterFinished"]!);
    }

    /// <summary>Which differing paths the patch owns, for a spec whose flow container is at <paramref name="primary"/>.</summary>
    private static System.Func<string, JsonChange, bool> AllowedPaths(JsonObject input, JsonObject output, int primary)
    {
        var container = $"spec.template.spec.containers[{primary}]";
        var inputEnvCount = (Container(input, primary)["env"] as JsonArray)?.Count ?? 0;
        var ttlInInput = input["spec"]?["ttlSecondsAfterFinished"] is not null;
        var owned = new HashSet<string>
        {
            "metadata.name", "metadata.namespace",
            "metadata.labels.identifier", "metadata.labels.flow_run_id",
            "spec.template.metadata.labels.identifier", "spec.template.metadata.labels.flow_run_id",
        };
        var ownedInContainer = new Regex("^" + Regex.Escape(container) + @"\.(image|command|args)(\[\d+\])?$");
        var appendedEnv = new Regex("^" + Regex.Escape(container) + @"\.env\[(\d+)\]$");
        // The restricted-profile defaults only ever add (a value the spec sets is never changed): see RestrictedPodDefaultsTests.
        var addedDefaults = new Regex(@"^spec\.template\.spec\.(securityContext(\..+)?|automountServiceAccountToken|volumes(\[\d+\])?)$|^"
            + Regex.Escape(container) + @"\.(securityContext(\..+)?|volumeMounts(\[\d+\])?)$");
        return (path, change) =>
            owned.Contains(path)
            || (change == JsonChange.Added && addedDefaults.IsMatch(path))
            || (path == "spec.ttlSecondsAfterFinished" && change == JsonChange.Added && !ttlInInput)
            || ownedInContainer.IsMatch(path)
            || (change == JsonChange.Added && path == container + ".env" && inputEnvCount == 0)
            || (change == JsonChange.Added && appendedEnv.Match(path) is { Success: true } m && int.Parse(m.Groups[1].Value) >= inputEnvCount)
            // Where the spec has no labels (or no pod template metadata), the patch adds them with the run's labels only.
            || (change == JsonChange.Added && path is "metadata.labels" or "spec.template.metadata.labels" && HasOnlyRunLabels(At(output, path)))
            || (change == JsonChange.Added && path == "spec.template.metadata" && At(output, path) is JsonObject { Count: 1 } metadata && HasOnlyRunLabels(metadata["labels"]));
    }

    private static bool HasOnlyRunLabels(JsonNode? labels) =>
        labels is JsonObject o && o.Select(p => p.Key).OrderBy(k => k).SequenceEqual(new[] { "flow_run_id", "identifier" });

    private static JsonNode? At(JsonNode root, string dottedPath) =>
        dottedPath.Split('.').Aggregate((JsonNode?)root, (node, key) => node?[key]);

    private static JsonObject Container(JsonObject job, int index) =>
        job["spec"]!["template"]!["spec"]!["containers"]![index]!.AsObject();
}
