using System.Threading.Tasks;
using Flows.Runtime.Tests.Fixtures;
using Flows.Runtime.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Flows.Runtime.Tests;

public class LoggingTests
{
    [Fact]
    public async Task A_task_log_line_carries_the_flow_run_id_and_task_name_in_its_scope()
    {
        var provider = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(provider));

        await LoggingFlow.RunAsync(new FlowRunOptions { FlowRunId = "run-log-1", LoggerFactory = factory });

        var line = Assert.Single(provider.Logs, log => log.Message == LoggingFlow.Line);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal("run-log-1", line.Scope["FlowRunId"]);
        Assert.Equal("Speak", line.Scope["TaskName"]);
        Assert.Equal("logging", line.Scope["FlowName"]);
    }

    [Fact]
    public async Task A_failing_task_is_logged_as_an_error_with_its_exception()
    {
        var provider = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(logging => logging.AddProvider(provider));

        using var probe = RunProbe.Start();

        await DockerShapeFlow.RunAsync(new FlowRunOptions { FlowRunId = probe.RunId, LoggerFactory = factory });

        var error = Assert.Single(provider.Logs, log => log.Level == LogLevel.Error);
        Assert.Equal("WaitOnContainer", error.Scope["TaskName"]);
        Assert.Contains("exited with status 137", error.Message);
    }
}
