using System.Threading.Tasks;
using Flows.Docker.Tests.Support;

namespace Flows.Docker.Tests.Fixtures;

/// <summary>One task that runs a container with the run's FLOWS__CONTEXT__* variables and returns what it printed.</summary>
[Flow("Flow context in a container")]
public static partial class FlowContextInContainerFlow
{
    [FlowTask]
    public static async Task<string> PrintContext(TaskRunContext context)
    {
        using var docker = await DockerEngine.ConnectAsync(context);
        var run = await docker.RunContainerAsync(TestEngine.Shell("env | grep ^FLOWS__CONTEXT__ | grep -v ATTEMPT") with { PassFlowContext = true }, failOnNonZeroExitCode: true);
        return run.Logs.Stdout;
    }
}
