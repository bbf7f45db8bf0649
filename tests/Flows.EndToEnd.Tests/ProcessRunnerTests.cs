using System;
using System.Threading.Tasks;

namespace Flows.EndToEnd.Tests;

/// <summary>A step that passes its limit fails with what a reader needs: the step, the command, its limit and its output's tail.</summary>
public sealed class ProcessRunnerTests
{
    [Fact]
    public async Task A_step_past_its_limit_is_killed_and_named_with_its_command_limit_and_output_tail()
    {
        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => ProcessRunner.RunAsync("sh", ["-c", "for i in $(seq 1 60); do echo line $i; done; echo oops >&2; sleep 30"],
            RepositoryPaths.Root, TimeSpan.FromSeconds(2), step: "a slow step"));

        Assert.StartsWith("Step 'a slow step' did not end within its limit of 2 s and was killed: sh -c 'for i in $(seq 1 60); do echo line $i; done; echo oops >&2; sleep 30' (in ", timeout.Message);
        Assert.Contains("--- stdout, last 40 lines\n(20 earlier lines left out)\nline 21\n", timeout.Message);
        Assert.Contains("line 60\n--- stderr, last 40 lines\noops", timeout.Message);
        Assert.DoesNotContain("line 20\n", timeout.Message);
    }

    [Theory]
    [InlineData("10 min", 600)]
    [InlineData("90 s", 90)]
    [InlineData("1 min", 60)]
    public void Limits_read_as_minutes_or_seconds(string expected, int seconds) =>
        Assert.Equal(expected, StepLimits.Describe(TimeSpan.FromSeconds(seconds)));
}
