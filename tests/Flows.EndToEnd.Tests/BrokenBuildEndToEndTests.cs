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
}
