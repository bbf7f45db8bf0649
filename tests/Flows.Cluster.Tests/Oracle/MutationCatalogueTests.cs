using System.Linq;
using System.Text.Json.Nodes;
using Flows.Generators.Kubernetes.Validation;

namespace Flows.Cluster.Tests.Oracle;

/// <summary>The server oracle's mutation catalogue, without a cluster: what it produces for a base, and that every mutant is a sound spec to send.</summary>
public class MutationCatalogueTests
{
    private const string SmallJob = """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: small, labels: {identifier: "", app: small}}
        spec:
          backoffLimit: 2
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: flow
                image: ""
                ports: [{containerPort: 80}]
              - name: helper
                image: busybox
        """;

    [Fact]
    public void A_small_job_yields_each_mutation_of_each_field_once()
    {
        var @base = OracleBase.Job("small", SmallJob);
        var mutants = MutationCatalogue.Mutants([@base]);
        var paths = mutants.Select(m => m.Site.Path).Distinct().ToList();

        // Flows sets the name and the run labels, and overwrites the flow container's image: never mutated.
        Assert.DoesNotContain("metadata.name", paths);
        Assert.DoesNotContain("metadata.labels[identifier]", paths);
        Assert.DoesNotContain("spec.template.spec.containers[0].image", paths);
        // The other container's image is the user's.
        Assert.Contains("spec.template.spec.containers[1].image", paths);
        Assert.Contains(mutants, m => m.Site.Path == "spec.backoffLimit" && m.Mutation == "-1" && m.Json["spec"]!["backoffLimit"]!.ToJsonString() == "-1");
        Assert.Contains(mutants, m => m.Site.Path == "spec.template.spec.containers[0].ports[0].containerPort" && m.Mutation == "65536");
        Assert.Contains(mutants, m => m.Site.Path == "spec.template.spec.containers[0].name" && m.Mutation == "removed"
            && !m.Json["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject().ContainsKey("name"));
        Assert.Contains(mutants, m => m.Site.Path == "metadata.labels" && m.Mutation == "map key a/b/c");
        Assert.Contains(mutants, m => m.Site.Path == "spec.template.spec.containers" && m.Mutation == "duplicate first item"
            && m.Json["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Count == 3);
        // No mutant twice, none equal to the base, the base untouched.
        var canonical = mutants.Select(m => MutationCatalogue.Canonical(m.Json)).ToList();
        Assert.Equal(canonical.Count, canonical.Distinct().Count());
        Assert.DoesNotContain(MutationCatalogue.Canonical(@base.Json), canonical);
        Assert.Equal(MutationCatalogue.Canonical(OracleBase.Job("small", SmallJob).Json), MutationCatalogue.Canonical(@base.Json));
        Assert.InRange(mutants.Count, 60, 200);
    }

    [Fact]
    public void Every_mutant_of_every_base_is_JSON_the_checker_can_read_and_the_patch_can_apply()
    {
        var bases = OracleBases.All();
        var mutants = MutationCatalogue.Mutants(bases, perGenericSite: 3);
        Assert.InRange(mutants.Count, 1500, 8000);
        foreach (var mutant in mutants)
        {
            var text = mutant.Json.ToJsonString();
            Assert.IsType<JsonObject>(JsonNode.Parse(text));
            CheckerVerdict.Of(mutant.Base, mutant.Json);
            var patched = RunPatch.Apply(mutant.Base, mutant.Json, "oracle-ns");
            var containers = OracleBase.Containers(patched);
            var primary = mutant.Base.Kind == OracleKind.Pod
                ? containers?.OfType<JsonObject>().FirstOrDefault(c => c["name"]?.ToJsonString() == "\"" + mutant.Base.PrimaryName + "\"")
                : containers is { } all && mutant.Base.PrimaryIndex < all.Count ? all[mutant.Base.PrimaryIndex] as JsonObject : null;
            Assert.True(primary is null || primary["image"]?.ToJsonString() == "\"" + RunPatch.Image + "\"", mutant.Describe);
        }
        // Each area the seeds reach is mutated.
        var fields = mutants.Select(m => m.Site.Generic).ToHashSet();
        foreach (var field in new[]
        {
            "core.v1.ContainerPort.hostPort", "core.v1.EnvVarSource.resourceFieldRef", "core.v1.EnvFromSource.prefix", "core.v1.VolumeMount.mountPropagation",
            "core.v1.HTTPGetAction.httpHeaders", "core.v1.Lifecycle.preStop", "core.v1.SecurityContext.capabilities", "core.v1.PodSecurityContext.sysctls",
            "core.v1.WeightedPodAffinityTerm.weight", "core.v1.Toleration.tolerationSeconds", "core.v1.TopologySpreadConstraint.maxSkew",
            "core.v1.PodDNSConfig.options", "core.v1.HostAlias.hostnames", "core.v1.PodSpec.initContainers", "core.v1.PodReadinessGate.conditionType",
            "core.v1.EmptyDirVolumeSource.sizeLimit", "core.v1.HostPathVolumeSource.type", "core.v1.KeyToPath.mode", "core.v1.ServiceAccountTokenProjection.expirationSeconds",
            "core.v1.ResourceFieldSelector.divisor", "core.v1.PersistentVolumeClaimVolumeSource.claimName", "core.v1.NFSVolumeSource.server",
            "core.v1.CSIVolumeSource.driver", "core.v1.GitRepoVolumeSource.directory", "batch.v1.JobSpec.manualSelector",
            "meta.v1.ObjectMeta.annotations",
        })
        {
            Assert.Contains(field, fields);
        }
    }

    [Fact]
    public void The_pod_patch_adds_the_primary_when_the_spec_lacks_it_and_defaults_restartPolicy()
    {
        var @base = OracleBase.Pod("sidecar-only", "containers: [{name: logger, image: busybox}]");
        var patched = RunPatch.Apply(@base, @base.Json, "oracle-ns");
        var containers = patched["spec"]!["containers"]!.AsArray();
        Assert.Equal("primary", (string?)containers[0]!["name"]);
        Assert.Equal("Never", (string?)patched["spec"]!["restartPolicy"]);
        Assert.Equal("oracle-ns", (string?)patched["metadata"]!["namespace"]);
        Assert.Equal(KubernetesSchema.Pod, @base.Definition);
    }
}
