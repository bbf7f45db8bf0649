using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Flows.EndToEnd.Tests;

/// <summary>
/// A pod task's data crosses into its pod through JSON metadata the generator writes: published with NativeAOT
/// (no trimming or AOT warnings), the native entrypoint still reads a record with a list, a dictionary and an
/// enum from FLOWS__TASK__INPUTS and writes its record result to the termination message.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class AotPodTaskEndToEndTests
{
    [Fact]
    public async Task The_nativeaot_entrypoint_moves_records_in_and_out_of_a_pod_task_without_reflection()
    {
        var work = Directory.CreateTempSubdirectory("flows-aot-pod-").FullName;
        try
        {
            var project = Path.Combine(RepositoryPaths.Root, "tests", "Flows.EndToEnd.Tests", "Fixtures", "AotPodTaskApp", "AotPodTaskApp.csproj");
            var output = Path.Combine(work, "out");
            var publish = await SampleApps.DotnetAsync(RepositoryPaths.Root, "publish", project, "-c", "Release", "-r", "linux-x64",
                "--artifacts-path", Path.Combine(work, "artifacts"), "-o", output, "--nologo");

            Assert.True(publish.ExitCode == 0, publish.ToString());
            var trimmingWarnings = publish.All.Split('\n').Where(line => line.Contains("warning IL", StringComparison.Ordinal)).ToList();
            Assert.True(trimmingWarnings.Count == 0, "trimming or AOT warnings:\n" + string.Join("\n", trimmingWarnings));
            var native = Path.Combine(output, "AotPodTaskApp");
            Assert.True(File.Exists(native), native + " was not published");

            var message = Path.Combine(work, "termination-log");
            var task = await ProcessRunner.RunAsync(native, ["run-task", "--task", "Summarize"], work, TimeSpan.FromMinutes(1), new Dictionary<string, string>
            {
                [PodTaskVariables.Inputs] = """{"measurement":{"Label":"width","Values":[1.5,2.5],"Unit":"Foot","Counts":{"a":1}}}""",
                [PodTaskVariables.TerminationMessagePath] = message,
            });

            Assert.True(task.ExitCode == 0, task.ToString());
            Assert.Equal("""{"result":{"Label":"width","Total":4,"Unit":"Foot","Items":3}}""", File.ReadAllText(message));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
