using System.Threading.Tasks;

namespace Flows.EndToEnd.Tests;

[Trait("Category", "EndToEnd")]
public sealed class BrokenBuildEndToEndTests
{
    [Fact]
    public async Task A_cycle_fails_the_build_with_FLOW011_at_the_file_line_and_column()
    {
        var build = await SampleApps.BuildAsync("BrokenCycle");

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Contains("CycleFlow.cs(9,16): error FLOW011: Tasks of flow 'Broken cycle' form a cycle: Extract -> Transform -> Publish -> Extract.", build.Output);
        // No generator crash, only the analyzer's error.
        Assert.DoesNotContain("CS8785", build.Output);
        Assert.DoesNotContain("AD0001", build.Output);
    }

    [Fact]
    public async Task Specs_the_API_server_would_reject_fail_the_build_at_their_YAML_lines()
    {
        var build = await SampleApps.BuildAsync("BrokenJobSpec");

        Assert.True(build.ExitCode != 0, build.ToString());
        foreach (var expected in new[]
        {
            "job_spec.yaml(6,17): error FLOW077: Job spec 'job_spec.yaml': spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0.",
            "job_spec.yaml(13,26): error FLOW077: Job spec 'job_spec.yaml': spec.template.spec.containers[0].ports[0].containerPort: Required value.",
            "job_spec.yaml(15,17): error FLOW077: Job spec 'job_spec.yaml': spec.template.spec.containers[0].env[0].name: Invalid value: \"1ST_VALUE\"",
            "job_spec.yaml(20,13): error FLOW077: Job spec 'job_spec.yaml': spec.template.spec.containers[0].env[1].valueFrom: Invalid value: \"\": may not be specified when `value` is not empty.",
            "job_spec.yaml(21,9): error FLOW078: Job spec 'job_spec.yaml': spec.template.spec.containers[0].imagePulPolicy: unknown field \"imagePulPolicy\" of Container",
            "job_spec.yaml(25,15): error FLOW077: Job spec 'job_spec.yaml': spec.template.spec.volumes[1].name: Duplicate value: \"scratch\".",
            "pod_spec.yaml(5,5): error FLOW077: Pod spec 'pod_spec.yaml': spec.containers[0].livenessProbe: Required value: must specify a handler type",
        })
        {
            Assert.Contains(expected, build.Output);
        }
        // Only the diagnostics: no generator crash and no error in generated code (a flow with pod spec errors is not registered).
        Assert.DoesNotContain("CS8785", build.Output);
        Assert.DoesNotContain("AD0001", build.Output);
        Assert.DoesNotContain(".g.cs(", build.Output);
    }
}
