using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Runtime.Tests.Cli;

namespace Flows.Runtime.Tests.PodTasks;

/// <summary>The entrypoint's pod task commands: render --task, render --rbac, run --pod-tasks, run-task.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public class PodTaskCliTests
{
    private static readonly FlowDefinition[] Flows = { PodTaskFlow.Definition };

    [Fact]
    public async Task Render_task_prints_the_pod_with_its_placeholders_as_written()
    {
        var run = await CliRun.InvokeAsync(Flows, "render", "--task", "Shout", "--flow-run-id", "r-1", "--namespace", "batch");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.StartsWith("apiVersion: v1\nkind: Pod\n", run.Output);
        Assert.Contains("  namespace: batch\n", run.Output);
        Assert.Contains("{message} {count} {{braces}}", run.Output);
    }

    [Fact]
    public async Task Render_task_with_image_uses_it_for_the_primary()
    {
        var run = await CliRun.InvokeAsync(Flows, "render", "--task", "WaitForMessage", "--image", "localhost:5000/flows/pod-tests:sha-0123456789ab");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("image: localhost:5000/flows/pod-tests:sha-0123456789ab\n", run.Output);
    }

    [Theory]
    [InlineData("Greeting", "runs in the flow's process, not in its own pod")]
    [InlineData("Nope", "has no task named 'Nope'")]
    public async Task Render_task_of_a_task_without_a_pod_says_why(string task, string expected)
    {
        var run = await CliRun.InvokeAsync(Flows, "render", "--task", task);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(expected, run.Error);
    }

    [Fact]
    public async Task List_marks_pod_tasks_and_container_tasks()
    {
        var run = await CliRun.InvokeAsync(Flows, "list");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("    WaitForMessage  (pod task, container 'primary' of PodTasks/fixtures/shared-volume.pod.yaml; after ", run.Output);
        Assert.Contains("    Shout  (container task, image localhost:5000/busybox:1; after ", run.Output);
        Assert.Contains("    Greeting\n", run.Output.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task Render_rbac_prints_the_flows_account_a_role_for_pods_and_their_logs_and_its_binding()
    {
        var run = await CliRun.InvokeAsync(Flows, "render", "--rbac", "--namespace", "batch");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.StartsWith("apiVersion: v1\nkind: ServiceAccount\n", run.Output);
        Assert.Contains("kind: Role\n", run.Output);
        Assert.Contains("- pods/log\n", run.Output);
        Assert.Contains("  - delete\n", run.Output);
        Assert.Contains("---\n", run.Output);
        Assert.Contains("kind: RoleBinding\n", run.Output);
        Assert.Contains("- kind: ServiceAccount\n  name: flows-pod-tasks\n  namespace: batch\n", run.Output);
        Assert.DoesNotContain("default", run.Output);
    }

    [Fact]
    public async Task Run_with_an_unknown_pod_runner_is_a_usage_error_listing_the_runners()
    {
        var run = await CliRun.InvokeAsync(Flows, "run", "--pod-tasks", "local");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("'local' comes with Flows.Docker", run.Error);
        Assert.Contains("'in-process'", run.Error);
    }

    [Fact]
    public async Task Run_with_keep_pods_but_pod_tasks_in_process_is_a_usage_error_naming_the_runners_that_keep_pods()
    {
        var run = await CliRun.InvokeAsync(Flows, "run", "--pod-tasks", "in-process", "--keep-pods");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--keep-pods keeps nothing here: its pod tasks run in this process (--pod-tasks in-process); add --pod-tasks local or --pod-tasks kubernetes.", run.Error);
    }

    [Fact]
    public async Task Run_in_process_runs_pod_task_bodies_here_and_fails_container_tasks_saying_how_to_run_them()
    {
        var run = await CliRun.InvokeAsync(Flows, "run", "--pod-tasks", "in-process");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("run their bodies in this process", run.Output);
        Assert.Matches(@"WaitForMessage\s+Success", run.Output);
        Assert.Matches(@"AddedPrimary\s+Success", run.Output);
        Assert.Contains("Container task 'Shout' runs localhost:5000/busybox:1 in its own pod", run.Error);
        Assert.Contains("--pod-tasks local", run.Error);
    }

    [Fact]
    public async Task Run_without_pod_tasks_does_not_start_when_tasks_need_their_pods_and_there_is_no_engine_and_says_what_to_type()
    {
        var run = await CliRun.InvokeAsync(Flows, "run");

        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.Equal("", run.Output);
        Assert.Contains("error: flow 'pod tasks' has pod tasks that cannot run in this process: WaitForMessage (its pod spec has sidecar 'secondary' and volume 'shared-data'); "
            + "Configure (its pod spec has sidecar 'logger'); AddedPrimary (its pod spec has sidecar 'logger'); Shout (a container task: it runs localhost:5000/busybox:1); "
            + "ImageDefaults (a container task: it runs localhost:5000/busybox:1).", run.Error);
        Assert.Contains("'--pod-tasks local' comes with Flows.Docker, which this application does not reference", run.Error);
        var prefix = EntrypointCommand.Prefix;
        Assert.StartsWith("dotnet run --project ", prefix);
        Assert.EndsWith(" --", prefix);
        Assert.Contains($"\n  {prefix} run --pod-tasks local\n", run.Error.Replace("\r\n", "\n"));
        Assert.Contains($"\n  {prefix} run --pod-tasks in-process\n", run.Error.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task Run_without_pod_tasks_does_not_start_when_the_local_engine_does_not_answer()
    {
        var local = new FakeLocalRunner(probe: "Cannot reach the Docker daemon at unix:///var/run/docker.sock: Connection refused");

        var run = await CliRun.InvokeAsync(Flows, [local], CancellationToken.None, "run");

        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.Contains("no pod runner is available: Cannot reach the Docker daemon at unix:///var/run/docker.sock: Connection refused.", run.Error);
        Assert.Contains(" run --pod-tasks local\n", run.Error.Replace("\r\n", "\n"));
        Assert.Equal(0, local.PodsRun);
    }

    [Fact]
    public async Task Run_without_pod_tasks_runs_pods_that_need_it_on_the_local_engine_when_it_answers_and_says_so()
    {
        var local = new FakeLocalRunner(probe: null);

        var run = await CliRun.InvokeAsync(Flows, [local], CancellationToken.None, "run");

        Assert.Contains("Pod tasks WaitForMessage, Configure, AddedPrimary, Shout, ImageDefaults need their Pods: running them on the local Docker engine (--pod-tasks local;", run.Output);
        Assert.True(local.PodsRun > 0, run.ToString());
        Assert.DoesNotContain("run their bodies in this process", run.Output);
    }

    [Fact]
    public async Task Run_without_pod_tasks_runs_a_pod_task_without_sidecars_or_volumes_in_process_and_says_so()
    {
        var local = new FakeLocalRunner(probe: null);

        var run = await CliRun.InvokeAsync([PlainPodTaskFlow.Definition], [local], CancellationToken.None, "run");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("Pod tasks Compute run their bodies in this process", run.Output);
        Assert.Equal(0, local.PodsRun);
    }

    [Fact]
    public async Task Run_with_pod_tasks_in_process_does_not_ask_the_engine()
    {
        var local = new FakeLocalRunner(probe: null);

        var run = await CliRun.InvokeAsync(Flows, [local], CancellationToken.None, "run", "--pod-tasks", "in-process");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Matches(@"WaitForMessage\s+Success", run.Output);
        Assert.Equal(0, local.Probes);
        Assert.Equal(0, local.PodsRun);
    }

    [Fact]
    public async Task Run_without_pod_tasks_inside_a_flows_job_uses_kubernetes_and_asks_no_engine()
    {
        var local = new FakeLocalRunner(probe: "no engine");
        var kubernetes = new FakeLocalRunner(probe: null, name: "kubernetes");
        Environment.SetEnvironmentVariable(FlowContextVariables.JobName, "pod-tasks-job-1");
        CliRun run;
        try
        {
            run = await CliRun.InvokeAsync(Flows, [local, kubernetes], CancellationToken.None, "run");
        }
        finally
        {
            Environment.SetEnvironmentVariable(FlowContextVariables.JobName, null);
        }

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.True(kubernetes.PodsRun > 0, run.ToString());
        Assert.Equal(0, local.Probes);
        Assert.Equal(0, local.PodsRun);
    }

    /// <summary>A pod runner (<c>local</c> unless named) whose engine check answers <c>probe</c> (null: the engine is there) and whose Pods all fail.</summary>
    private sealed class FakeLocalRunner(string? probe, string name = "local") : IFlowsCommandLineExtension, IPodTaskRunner
    {
        private int _probes;
        private int _podsRun;

        public int Probes => _probes;

        public int PodsRun => _podsRun;

        public string Description => "on a fake engine";

        public void AddCommands(System.CommandLine.RootCommand root, FlowsCommandLineContext context) =>
            context.AddPodTaskRunner(name, "a fake engine", _ => this, _ =>
            {
                Interlocked.Increment(ref _probes);
                return Task.FromResult(probe);
            });

        public Task<PodTaskOutcome> RunAsync(PodTaskRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _podsRun);
            return Task.FromResult(new PodTaskOutcome(1, "Error", null, ["the fake engine runs nothing"]));
        }
    }

    [Fact]
    public async Task Run_task_runs_one_task_with_inputs_from_the_environment_and_writes_its_result_as_the_termination_message()
    {
        var message = Path.GetTempFileName();
        try
        {
            var run = await WithTaskEnvironment("""{"greeting":"hey","count":2,"suffix":"?"}""", message,
                () => CliRun.InvokeAsync(Flows, "run-task", "--task", "WaitForMessage", "--param", "suffix=?"));

            Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
            Assert.Equal("""{"result":"hey x2?"}""", File.ReadAllText(message));
        }
        finally
        {
            File.Delete(message);
        }
    }

    [Fact]
    public async Task Run_task_writes_a_failure_as_an_error_message_and_exits_1()
    {
        var message = Path.GetTempFileName();
        try
        {
            var run = await WithTaskEnvironment("""{"greeting":"hey"}""", message,
                () => CliRun.InvokeAsync(Flows, "run-task", "--task", "WaitForMessage"));

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("\"error\":\"The inputs of task 'WaitForMessage'", File.ReadAllText(message));
            Assert.Contains("\"type\":\"Flows.PodTaskException\"", File.ReadAllText(message));
        }
        finally
        {
            File.Delete(message);
        }
    }

    private static async Task<CliRun> WithTaskEnvironment(string inputs, string messagePath, Func<Task<CliRun>> action)
    {
        Environment.SetEnvironmentVariable(PodTaskVariables.Inputs, inputs);
        Environment.SetEnvironmentVariable(PodTaskVariables.TerminationMessagePath, messagePath);
        try
        {
            return await action();
        }
        finally
        {
            Environment.SetEnvironmentVariable(PodTaskVariables.Inputs, null);
            Environment.SetEnvironmentVariable(PodTaskVariables.TerminationMessagePath, null);
        }
    }
}
