using Flows.Docker;
using System.Linq;
using Flows.Docker.LocalJobs.Manifests;
using Flows.Manifests;

namespace Flows.Docker.Tests.LocalJobs;

/// <summary>The pieces of Kubernetes semantics that need no engine: YAML scalars, quantities, $(VAR) expansion, image references, the pod read.</summary>
public sealed class ReaderTests
{
    [Theory]
    [InlineData("v: 8080", "8080")]
    [InlineData("v: \"8080\"", "\"8080\"")]
    [InlineData("v: '8080'", "\"8080\"")]
    [InlineData("v: !!str 8080", "\"8080\"")]
    [InlineData("v: yes", "true")]
    [InlineData("v: Off", "false")]
    [InlineData("v: ~", "null")]
    [InlineData("v:", "null")]
    [InlineData("v: 0x1F", "31")]
    [InlineData("v: 0644", "420")]
    [InlineData("v: 1.5", "1.5")]
    [InlineData("v: 500m", "\"500m\"")]
    [InlineData("v: 1.2.3", "\"1.2.3\"")]
    [InlineData("v: hello world", "\"hello world\"")]
    public void Yaml_scalars_keep_their_YAML_types_as_the_API_server_reads_them(string yaml, string json)
    {
        var read = JobYamlReader.Read("kind: Job\n" + yaml, "test");

        Assert.Equal(json, read["v"]?.ToJsonString() ?? "null");
    }

    [Fact]
    public void Of_several_documents_the_Job_is_taken()
    {
        var read = JobYamlReader.Read("kind: ConfigMap\nmetadata: {name: c}\n---\nkind: Job\nmetadata: {name: j}\n", "test");

        Assert.Equal("j", (string?)read["metadata"]!["name"]);
    }

    [Theory]
    [InlineData("500m", 500)]
    [InlineData("2", 2000)]
    [InlineData("0.5", 500)]
    [InlineData("0.0001", 1)]
    [InlineData("1e3", 1_000_000)]
    public void Cpu_quantities_in_millicores_round_up(string quantity, long milli) =>
        Assert.Equal(milli, KubernetesQuantity.MilliCpu(quantity));

    [Theory]
    [InlineData("64Mi", 67108864)]
    [InlineData("4G", 4_000_000_000)]
    [InlineData("1Ki", 1024)]
    [InlineData("128974848", 128974848)]
    [InlineData("129e6", 129_000_000)]
    [InlineData("123.5", 124)]
    public void Memory_quantities_in_bytes(string quantity, long bytes) =>
        Assert.Equal(bytes, KubernetesQuantity.Bytes(quantity));

    [Theory]
    [InlineData("4K")]
    [InlineData("-1")]
    [InlineData("lots")]
    [InlineData("")]
    public void Not_quantities(string text) => Assert.Null(KubernetesQuantity.TryParse(text));

    [Theory]
    [InlineData("$(A) and $(B)", "1 and $(B)")]
    [InlineData("$$(A)", "$(A)")]
    [InlineData("$$$(A)", "$1")]
    [InlineData("$A $(A", "$A $(A")]
    [InlineData("cost: 5$", "cost: 5$")]
    [InlineData("$((i+1))", "$((i+1))")]
    public void Expansion_follows_the_kubelet(string input, string expected) =>
        Assert.Equal(expected, KubernetesExpansion.Expand(input, name => name == "A" ? "1" : null));

    [Theory]
    [InlineData("localhost:5000/busybox:1", "localhost:5000/busybox", "1")]
    [InlineData("localhost:5000/busybox", "localhost:5000/busybox", "latest")]
    [InlineData("busybox", "busybox", "latest")]
    [InlineData("registry/app@sha256:abc", "registry/app", "sha256:abc")]
    public void Image_references_split_into_repository_and_tag(string image, string repository, string tag)
    {
        var parts = ImageReferenceParts.Parse(image);
        Assert.Equal((repository, tag), (parts.Repository, parts.Tag));
    }

    [Fact]
    public void The_pod_read_keeps_Kubernetes_command_and_args_semantics_and_names_the_pod_as_the_Job_controller()
    {
        var job = JobYamlReader.Read("""
            kind: Job
            metadata: {name: hello, labels: {identifier: abc, flow_run_id: r1}}
            spec:
              template:
                spec:
                  containers:
                  - name: entry-only
                    image: img
                    command: [run]
                  - name: args-only
                    image: img
                    args: [--verbose]
                  - name: neither
                    image: img
                    command: []
                    args: []
                    livenessProbe: {exec: {command: [true]}}
            """, "test");

        var pod = PodSpecReader.Read(job, "test");

        Assert.Equal("entry-only", pod.PrimaryContainerName);
        Assert.Matches("^hello-[bcdfghjklmnpqrstvwxz2456789]{5}$", pod.Name);
        Assert.Equal(("abc", "r1", "default"), (pod.Identifier, pod.FlowRunId, pod.Namespace));
        Assert.Equal("hello", pod.Labels["job-name"]);
        Assert.Equal(["run"], pod.Containers[0].Command!);
        Assert.Null(pod.Containers[0].Args);
        Assert.Null(pod.Containers[1].Command);
        Assert.Equal(["--verbose"], pod.Containers[1].Args!);
        Assert.Null(pod.Containers[2].Command);
        Assert.Null(pod.Containers[2].Args);
        Assert.Contains(pod.Warnings, w => w.Contains("containers[2] (neither).livenessProbe: is not emulated"));
    }

    [Theory]
    [InlineData("job", "metadata.name")]
    [InlineData("container", "containers[0]")]
    [InlineData("volume", "volumes[0]")]
    [InlineData("fieldRef", "env[0]")]
    public void A_name_with_a_trailing_newline_is_not_a_Kubernetes_name(string where, string field)
    {
        // '$' also matches before a final '\n'; the API server refuses such names, and so must the local run.
        var manifest = System.Text.Json.Nodes.JsonNode.Parse("""
            {"kind": "Job", "metadata": {"name": "hello"}, "spec": {"template": {"spec": {
              "volumes": [{"name": "data", "emptyDir": {}}],
              "containers": [{"name": "main", "image": "img", "env": [{"name": "A", "valueFrom": {"fieldRef": {"fieldPath": "metadata.labels['a']"}}}]}]}}}}
            """)!.AsObject();
        Assert.Empty(PodSpecReader.Read((System.Text.Json.Nodes.JsonObject)manifest.DeepClone(), "test").Warnings); // fine without the newline
        var spec = manifest["spec"]!["template"]!["spec"]!;
        switch (where)
        {
            case "job": manifest["metadata"]!["name"] = "hello\n"; break;
            case "container": spec["containers"]![0]!["name"] = "main\n"; break;
            case "volume": spec["volumes"]![0]!["name"] = "data\n"; break;
            default: spec["containers"]![0]!["env"]![0]!["valueFrom"]!["fieldRef"]!["fieldPath"] = "metadata.labels['a']\n"; break;
        }

        var invalid = Assert.Throws<InvalidLocalJobException>(() => PodSpecReader.Read(manifest, "test"));

        Assert.Contains(invalid.Problems, p => p.Contains(field, System.StringComparison.Ordinal));
    }
}
