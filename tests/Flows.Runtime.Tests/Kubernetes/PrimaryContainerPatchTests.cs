using System.Text.Json.Nodes;
using Flows.Runtime.Tests.Kubernetes.Support;

namespace Flows.Runtime.Tests.Kubernetes;

/// <summary>PrimaryContainer = "second-name": the patch goes to that container, and the first stays as written.</summary>
public class PrimaryContainerPatchTests
{
    private static readonly JsonObject Input = YamlToJson.Parse(RepositoryFiles.Fixture("second-container.job.yaml"))!.AsObject();

    private static readonly RenderedJob Rendered = RenderedJob.For(SecondContainerFlow.Definition);

    [Fact]
    public void The_named_container_runs_the_flow()
    {
        var second = Containers(Rendered.Job)[1]!;

        Assert.Equal("second-name", (string?)second["name"]);
        Assert.Equal("127.0.0.1:5000/flows/second:1.2.3", (string?)second["image"]);
        Assert.Equal("""["/app/Flows.Runtime.Tests"]""", second["command"]!.ToJsonString());
        Assert.Equal("""["run","--flow","k8s second container"]""", second["args"]!.ToJsonString());
        Assert.Contains(((JsonArray)second["env"]!), e => (string?)e!["name"] == "FLOWS__CONTEXT__FLOW_RUN_ID" && (string?)e["value"] == RenderedJob.RunId);
        Assert.Equal("second-name", SecondContainerFlow.Definition.KubernetesJob!.PrimaryContainerName);
    }

    [Fact]
    public void The_first_container_is_left_as_written()
    {
        Assert.Equal(Containers(Input)[0]!.ToJsonString(), Containers(Rendered.Job)[0]!.ToJsonString());
    }

    private static JsonArray Containers(JsonObject job) => (JsonArray)job["spec"]!["template"]!["spec"]!["containers"]!;
}
