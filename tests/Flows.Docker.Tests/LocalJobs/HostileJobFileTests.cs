using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Docker.Tests.Support;

namespace Flows.Docker.Tests.LocalJobs;

/// <summary>
/// <c>run-job-locally --file</c> with hostile YAML (no engine needed): the bounded loader stops at the alias or bracket
/// at fault, and the command ends at once with one line naming the file, line and column, and the usage-error code.
/// Memory and SIGTERM of the real process: Flows.EndToEnd.Tests' RunJobLocallyHostileFileEndToEndTests.
/// </summary>
public sealed class HostileJobFileTests
{
    /// <summary>A hang guard, not a speed test: each is refused in milliseconds.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static TheoryData<string, string, string> HostileFiles() => new()
    {
        { HostileYaml.AliasBomb(), "9:49", "the alias *a3 makes the document more than 100,000 nodes with aliases expanded" },
        { HostileYaml.SelfReference(), "3:23", "the alias *r is inside the node it refers to (&r at line 3), so the document would be infinite" },
        { HostileYaml.DeepNesting(), "3:106", "the list here is nested 101 levels deep, more than the 100 Flows reads" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task A_hostile_file_is_one_usage_error_line_at_its_line_and_column(string yaml, string position, string problem)
    {
        var clock = Stopwatch.StartNew();
        var result = await LocalJobCli.RunAsync(yaml);
        clock.Stop();

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        var lines = result.Error.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        var line = Assert.Single(lines);
        Assert.Matches($@"^error: the Job from (?<file>/\S+\.yaml) is not loaded: \k<file>:{position}: ", line);
        Assert.Contains(problem, line);
        Assert.Equal("", result.Output);
        Assert.True(clock.Elapsed < Limit, $"took {clock.Elapsed}");
    }
}
