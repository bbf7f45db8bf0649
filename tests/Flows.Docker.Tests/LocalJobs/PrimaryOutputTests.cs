using System.Linq;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Docker.Tests.Support;

namespace Flows.Docker.Tests.LocalJobs;

/// <summary>
/// The primary container's whole output, also its last line when the container prints it without a line break and
/// exits at once: engine 20.10's followed log can end before that last message is read (most often with several pods
/// at once), so the runner reads the log again once the container has stopped.
/// </summary>
public sealed class PrimaryOutputTests
{
    [DockerFact]
    public async Task A_last_line_without_a_line_break_printed_just_before_exit_is_never_lost()
    {
        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(pod => RunOneAsync($"{round}-{pod}")));
        }
    }

    private static async Task RunOneAsync(string mark)
    {
        var identifier = LocalJobCli.NewIdentifier();
        var job = LocalJobCli.Job(identifier, $$$"""
            containers:
            - name: main
              image: {{{TestEngine.Image}}}
              command: ["/bin/sh", "-c", "echo first; printf 'last {{{mark}}}'"]
            """);

        var result = await LocalJobCli.RunAsync(job);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(["first", $"last {mark}"], result.OutputLines.Where(line => line.Length > 0));
        await LocalJobCli.AssertNothingLeftAsync(identifier);
    }
}
