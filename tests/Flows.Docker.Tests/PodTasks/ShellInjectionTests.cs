using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Flows.Docker.PodTasks;
using Flows.Docker.Tests.Support;
using Flows.Manifests;
using Microsoft.Extensions.Logging;

namespace Flows.Docker.Tests.PodTasks;

/// <summary>
/// Hostile task inputs on the real engine: through every safe form of <see cref="HostileInputFlow"/> each arrives as exactly
/// the text it is, and nothing in it runs. The control runs the same inputs pasted into a script (what FLOW079 forbids) on
/// the same engine, to show that these inputs do run there and that the checks would see it.
/// </summary>
public sealed class ShellInjectionTests
{
    public static TheoryData<string> HostileInputs => new()
    {
        "hello\"; id; echo \"",
        "$(id)",
        "`id`",
        "; touch " + HostileInputFlow.Marker,
        "'; touch " + HostileInputFlow.Marker + "; echo '",
        "x\ntouch " + HostileInputFlow.Marker,
        "$(FLOWS__CONTEXT__TASK_NAME) ${HOME} $HOSTNAME",
    };

    [DockerTheory]
    [MemberData(nameof(HostileInputs))]
    public async Task A_hostile_input_is_printed_as_it_is_and_runs_nothing_in_every_safe_form(string input)
    {
        var runId = TestEngine.NewRunId();
        using var runner = new LocalPodTaskRunner();
        var logs = new CapturingLogger();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs));

        var result = await HostileInputFlow.RunAsync(new FlowRunOptions
        {
            FlowRunId = runId,
            Parameters = FlowParameterValues.From(("message", input)),
            PodTaskRunner = runner,
            PodTaskNamespace = "flows-test",
            LoggerFactory = loggerFactory,
        }, CancellationToken.None).WaitAsync(TestEngine.HangGuard * 3);

        Assert.True(result.IsSuccess, string.Join("\n", logs.Messages));
        var tasks = new[] { nameof(HostileInputFlow.AsPositionalArgument), nameof(HostileInputFlow.AsEnvironmentVariable), nameof(HostileInputFlow.AsExecFormArgument) };
        // Keyed by task, so that a failure names the form.
        Assert.Equal(tasks.ToDictionary(task => task, _ => (string?)("<" + input + ">")), tasks.ToDictionary(task => task, task => (string?)result[task].Result));
        await PodTaskFlows.AssertNothingLeftAsync(runId);
    }

    [DockerTheory]
    [InlineData("printf '<%s>' \"{message}\"", "hello\"; id; echo \"", "uid=")]
    [InlineData("printf '<%s>' \"{message}\"", "$(id)", "uid=")]
    [InlineData("printf '<%s>' \"{message}\"", "`id`", "uid=")]
    [InlineData("printf '<%s>' {message}", "; touch " + HostileInputFlow.Marker, HostileInputFlow.MarkerFound)]
    public async Task Control_the_same_input_pasted_into_the_script_runs_on_this_engine(string unsafeScript, string input, string evidence)
    {
        var flow = HostileInputFlow.Definition;
        var task = flow.GetTask(nameof(HostileInputFlow.AsPositionalArgument));
        var runId = TestEngine.NewRunId();
        var run = PodTaskRunInfo.Create(flow, task, runId, "flows-test", null, 1, new JsonObject { ["message"] = input }.ToJsonString(), FlowParameterValues.Empty);
        var pod = task.Pod!.CreatePod(run);
        // What the generated code would build for Command = { "sh", "-c", unsafeScript } if FLOW079 did not stop the build.
        PodTaskPatching.PrimaryContainer(pod, "task")["command"] = PodTaskPatching.ExpandedStrings(run, "sh", "-c", unsafeScript + HostileInputFlow.CheckMarker);
        using var runner = new LocalPodTaskRunner();

        var outcome = await runner.RunAsync(new PodTaskRequest(flow, task, run, pod, new CapturingLogger(), CaptureLog: true), CancellationToken.None)
            .WaitAsync(TestEngine.HangGuard);

        Assert.Contains(evidence, outcome.Log);
        Assert.NotEqual("<" + input + ">", outcome.Log);
        await PodTaskFlows.AssertNothingLeftAsync(runId);
    }
}
