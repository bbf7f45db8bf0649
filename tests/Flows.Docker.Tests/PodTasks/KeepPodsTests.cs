using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Docker.Cli;
using Flows.Docker.LocalJobs.Running;
using Flows.Docker.Tests.Support;

namespace Flows.Docker.Tests.PodTasks;

/// <summary><c>run --pod-tasks local --keep-pods</c> on the real engine: the Pod's containers and volumes stay, and the printed command removes them.</summary>
public sealed class KeepPodsTests
{
    [DockerFact]
    public async Task Run_local_with_keep_pods_leaves_the_pods_containers_and_volumes_and_says_how_to_remove_them()
    {
        var executor = new SharedMessageExecutor();
        var flow = PodTaskFlows.Flow(PodTaskFlows.SharedVolumePod, PodTaskFlows.ReadMessageScript, () => executor, [SharedMessageExecutor.ShoutTask]);
        var runId = TestEngine.NewRunId();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await FlowsCommandLine.InvokeAsync(
            ["run", "--pod-tasks", "local", "--keep-pods", "--image", TestEngine.Image, "--namespace", "flows-test", "--flow-run-id", runId],
            [flow], output, error, CancellationToken.None, new DockerCommandLineExtension()).WaitAsync(TestEngine.HangGuard);

        try
        {
            Assert.True(exitCode == ExitCodes.Success, $"exit {exitCode}\n{output}\n{error}");
            var (containers, volumes) = await PodTaskFlows.LeftoversAsync(runId);
            Assert.True(containers >= 3 && volumes >= 1, $"left on the engine: {containers} containers, {volumes} volumes\n{output}");
            Assert.Matches($@"Kept the pod's {containers} containers and {volumes} volumes? \(--keep-pods\): docker ps -a --filter label={LocalJobLabels.Identifier}=\S+\. Remove them with: docker rm -f ",
                output.ToString());
        }
        finally
        {
            using var docker = await TestEngine.ConnectAsync();
            foreach (var pod in Regex.Matches(output.ToString(), $@"--filter label={LocalJobLabels.Identifier}=(\S+)\. Remove").Select(m => m.Groups[1].Value))
            {
                await LocalPodCleanup.RemoveAsync(docker.Client, pod, [], [], CancellationToken.None);
            }
        }
        await PodTaskFlows.AssertNothingLeftAsync(runId);
    }
}
