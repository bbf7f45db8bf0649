using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Docker.Cli;
using Flows.Docker.LocalJobs.Running;
using Flows.Docker.Tests.Fixtures;
using Flows.Docker.Tests.Support;

namespace Flows.Docker.Tests.LocalJobs;

/// <summary>Runs the real <c>run-job-locally</c> command (FlowsCommandLine with the Docker extension) on a Job YAML written to a file.</summary>
internal static class LocalJobCli
{
    public static readonly IReadOnlyList<FlowDefinition> Flows = [ContainerLifecycleFlow.Definition];

    /// <summary>A Job whose run identifier is <paramref name="identifier"/>, with <paramref name="podSpec"/> (written unindented) as <c>spec.template.spec</c>, after restartPolicy: Never.</summary>
    public static string Job(string identifier, string podSpec, string name = "local-job-test") => $"""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: {name}
          namespace: flows-test
          labels:
            identifier: "{identifier}"
            flow_run_id: run-{identifier}
        spec:
          backoffLimit: 0
          template:
            metadata:
              labels:
                identifier: "{identifier}"
                team: data
            spec:
              restartPolicy: Never
        {Indent(podSpec, "      ")}
        """;

    private static string Indent(string text, string prefix) =>
        string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : prefix + line));

    public static string NewIdentifier() => "t" + Guid.NewGuid().ToString("N")[..15];

    public static async Task<CliResult> RunAsync(string jobYaml, params string[] options) =>
        await RunAsync(jobYaml, CancellationToken.None, options);

    public static async Task<CliResult> RunAsync(string jobYaml, CancellationToken cancellationToken, params string[] options)
    {
        var file = Path.Combine(Path.GetTempPath(), $"flows-local-job-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, jobYaml);
        try
        {
            return await InvokeAsync(cancellationToken, ["run-job-locally", "--file", file, .. options]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static async Task<CliResult> InvokeAsync(CancellationToken cancellationToken, params string[] args)
    {
        // A hung run ends (the command reports 130) instead of hanging the test run.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TestEngine.HangGuard);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await FlowsCommandLine.InvokeAsync(args, Flows, output, error, limit.Token, new DockerCommandLineExtension());
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>What the engine still has with the run's label: containers (running or not) and volumes.</summary>
    public static async Task<(IReadOnlyList<string> Containers, IReadOnlyList<string> Volumes)> LeftoversAsync(string identifier)
    {
        using var docker = await TestEngine.ConnectAsync();
        return (await LocalPodCleanup.FindContainersAsync(docker.Client, identifier, CancellationToken.None),
            await LocalPodCleanup.FindVolumesAsync(docker.Client, identifier, CancellationToken.None));
    }

    public static async Task AssertNothingLeftAsync(string identifier)
    {
        var (containers, volumes) = await LeftoversAsync(identifier);
        Assert.True(containers.Count == 0 && volumes.Count == 0, $"left on the engine: {containers.Count} containers, {volumes.Count} volumes");
    }

    public static async Task RemoveAsync(string identifier)
    {
        using var docker = await TestEngine.ConnectAsync();
        await LocalPodCleanup.RemoveAsync(docker.Client, identifier, [], [], CancellationToken.None);
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> OutputLines => Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
