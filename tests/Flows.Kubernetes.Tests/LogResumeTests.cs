using System;
using System.Linq;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Kubernetes.Tests.ApiDouble;
using Flows.Kubernetes.Tests.Support;

namespace Flows.Kubernetes.Tests;

public class LogResumeTests
{
    private static readonly string[] Lines = Enumerable.Range(1, 10).Select(i => $"line {i}").ToArray();

    private static Func<ScriptedPod, Task> WriteTenLinesAcrossAReconnect() => async pod =>
    {
        pod.Schedule();
        pod.Start();
        pod.Log("flow", Lines[..6]);
        await pod.WaitUntilAsync(a => a.Requests.Count(r => r.IsLog) >= 2, "read the log again");
        pod.Log("flow", Lines[6..]);
        pod.Exit("flow", 0);
    };

    [Theory]
    [InlineData("CloseQuietly")]
    [InlineData("CutMidLine")]
    public async Task A_log_stream_that_ends_mid_way_is_resumed_without_a_gap_or_a_repeated_line(string faultName)
    {
        var fault = Enum.Parse<LogStreamFaultKind>(faultName);
        await using var api = new KubernetesApiDouble();
        api.Faults.OnNextLogStream(fault, afterLines: 4);
        api.PodScript = WriteTenLinesAcrossAReconnect();

        var result = await KubernetesCli.RunAsync(api, TestFlows.Create(), "submit", "--follow", "--flow-run-id", "log-" + fault.ToString().ToLowerInvariant());

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(Lines, result.OutputLines);
        var logs = api.Requests.Where(r => r.IsLog).ToList();
        Assert.All(logs, r => Assert.Equal("true", r["timestamps"]));
        Assert.Null(logs[0]["sinceTime"]);
        Assert.Equal("true", logs[1]["follow"]);
        Assert.Matches("^2030-01-01T00:00:0[0-9]Z$", logs[1]["sinceTime"]);
    }

    [Fact]
    public async Task Repeated_lines_with_one_timestamp_are_printed_as_often_as_the_container_wrote_them()
    {
        await using var api = new KubernetesApiDouble();
        api.Faults.OnNextLogStream(LogStreamFaultKind.CloseQuietly, afterLines: 2);
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            pod.LogAtOneInstant("flow", "tick", "tick", "tick", "tock");
            await pod.WaitUntilAsync(a => a.Requests.Count(r => r.IsLog) >= 2, "read the log again");
            pod.Log("flow", "after");
            pod.Exit("flow", 0);
        };

        var result = await KubernetesCli.RunAsync(api, TestFlows.Create(), "submit", "--follow", "--flow-run-id", "same-instant");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(["tick", "tick", "tick", "tock", "after"], result.OutputLines);
    }

    [Fact]
    public async Task A_log_cut_just_before_the_container_ends_is_completed_by_one_more_read()
    {
        await using var api = new KubernetesApiDouble();
        api.Faults.OnNextLogStream(LogStreamFaultKind.CutMidLine, afterLines: 3);
        api.PodScript = async pod =>
        {
            pod.Schedule();
            pod.Start();
            pod.Log("flow", Lines);
            pod.Exit("flow", 0);
            await Task.CompletedTask;
        };

        var result = await KubernetesCli.RunAsync(api, TestFlows.Create(), "submit", "--follow", "--flow-run-id", "cut-at-end");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(Lines, result.OutputLines);
    }
}
