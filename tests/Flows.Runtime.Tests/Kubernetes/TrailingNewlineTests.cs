using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Manifests;
using Flows.Runtime.Tests.Cli;
using Flows.Runtime.Tests.PodTasks;

namespace Flows.Runtime.Tests.Kubernetes;

/// <summary>
/// Run ids and namespaces are checked with <c>\z</c>: <c>$</c> also matched before a final newline, so <c>"batch\n"</c>
/// passed as a namespace and <c>"run-1\n"</c> as a label value. Every command that takes one refuses it, saying which.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public class TrailingNewlineTests
{
    private static readonly FlowDefinition[] Flows = [PodTaskFlow.Definition, PodTasksInJobFlow.Definition];

    [Theory]
    [InlineData("render", "--flow", "k8s pod tasks", "--namespace", "batch\n")]
    [InlineData("render", "--flow", "k8s pod tasks", "--rbac", "--namespace", "batch\n")]
    [InlineData("render", "--flow", "pod tasks", "--task", "Shout", "--namespace", "batch\n")]
    [InlineData("run", "--flow", "pod tasks", "--pod-tasks", "in-process", "--namespace", "batch\n")]
    public async Task A_namespace_with_a_trailing_newline_is_a_usage_error(params string[] args)
    {
        var (exitCode, output, error) = await InvokeAsync(args);

        Assert.True(exitCode == ExitCodes.UsageError, error + output);
        Assert.Contains("The namespace 'batch\\u000a' is not a Kubernetes namespace name", error);
        Assert.DoesNotContain("Task ", output);
    }

    [Theory]
    [InlineData("render", "--flow", "k8s pod tasks", "--flow-run-id", "run-1\n")]
    [InlineData("render", "--flow", "pod tasks", "--task", "Shout", "--flow-run-id", "run-1\n")]
    public async Task A_flow_run_id_with_a_trailing_newline_is_a_usage_error(params string[] args)
    {
        var (exitCode, _, error) = await InvokeAsync(args);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("The flow run id 'run-1\\u000a' cannot be a Kubernetes label value", error);
    }

    [Fact]
    public void A_label_value_may_not_end_with_a_newline()
    {
        Assert.True(KubernetesRunInfo.IsValidLabelValue("run-1"));
        Assert.False(KubernetesRunInfo.IsValidLabelValue("run-1\n"));
    }

    private static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await FlowsCommandLine.InvokeAsync(args, Flows, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}
