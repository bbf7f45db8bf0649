using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Runtime.Tests.Kubernetes.Support;

namespace Flows.Runtime.Tests.Kubernetes;

/// <summary><c>render</c> prints YAML that reads back (as kubectl reads it) to exactly the Job that CreateJob builds.</summary>
public class RenderCommandTests
{
    [Theory]
    [InlineData("k8s seed 001")]
    [InlineData("k8s seed 000")]
    [InlineData("k8s second container")]
    [InlineData("k8s namespaced")]
    [InlineData("K8s Default Job: Nightly Import!")]
    public async Task The_rendered_yaml_reads_back_to_the_job_of_CreateJob(string flowName)
    {
        var render = await RenderAsync("render", "--flow", flowName, "--flow-run-id", RenderedJob.RunId);

        Assert.True(render.ExitCode == ExitCodes.Success, render.Error);
        Assert.Equal("", render.Error);
        var expected = RenderedJob.For(KubernetesTestFlows.Named(flowName)).Job;
        Assert.Equal(expected.ToJsonString(), YamlToJson.Parse(render.Output)!.ToJsonString());
    }

    [Fact]
    public async Task The_namespace_option_goes_into_the_job_and_its_env()
    {
        var render = await RenderAsync("render", "--flow", "k8s namespaced", "--flow-run-id", "run-1", "--namespace", "staging");

        Assert.True(render.ExitCode == ExitCodes.Success, render.Error);
        var expected = RenderedJob.For(NamespacedFlow.Definition, "run-1", "staging");
        Assert.Equal("staging", (string?)expected.Job["metadata"]!["namespace"]);
        Assert.Equal(expected.Job.ToJsonString(), YamlToJson.Parse(render.Output)!.ToJsonString());
    }

    [Fact]
    public async Task The_image_option_replaces_the_flow_containers_image_and_its_image_variable()
    {
        const string image = "127.0.0.1:5000/flows/hello:sha-0123456789ab";
        var render = await RenderAsync("render", "--flow", "k8s seed 001", "--flow-run-id", "run-1", "--image", image);

        Assert.True(render.ExitCode == ExitCodes.Success, render.Error);
        var flow = KubernetesTestFlows.Named("k8s seed 001");
        var run = Flows.Manifests.KubernetesRunInfo.Create(flow, flow.KubernetesJob!, "run-1", null) with { Image = image };
        Assert.Equal(flow.KubernetesJob!.CreateJob(run).ToJsonString(), YamlToJson.Parse(render.Output)!.ToJsonString());
        Assert.Contains("image: " + image, render.Output);
        Assert.Contains("value: " + image, render.Output);
    }

    [Theory]
    [InlineData("Data_Team")]
    [InlineData("-staging")]
    public async Task An_invalid_namespace_is_a_usage_error(string ns)
    {
        var render = await RenderAsync("render", "--flow", "k8s seed 001", "--namespace", ns);

        Assert.Equal(ExitCodes.UsageError, render.ExitCode);
        Assert.Contains($"The namespace '{ns}' is not a Kubernetes namespace name", render.Error);
        Assert.Equal("", render.Output);
    }

    [Fact]
    public async Task An_invalid_flow_run_id_is_a_usage_error()
    {
        var render = await RenderAsync("render", "--flow", "k8s seed 001", "--flow-run-id", "not a label value");

        Assert.Equal(ExitCodes.UsageError, render.ExitCode);
        Assert.Contains("cannot be a Kubernetes label value", render.Error);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RenderAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await FlowsCommandLine.InvokeAsync(args, KubernetesTestFlows.All, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}
