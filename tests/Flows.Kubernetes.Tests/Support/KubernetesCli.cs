using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Kubernetes.Tests.ApiDouble;
using k8s;

namespace Flows.Kubernetes.Tests.Support;

/// <summary>Runs the real entrypoint (FlowsCommandLine with the Kubernetes extension) against the API double.</summary>
internal static class KubernetesCli
{
    /// <summary>The settings a test uses: the double's kubeconfig and short waits (no test sleeps for seconds).</summary>
    public static KubernetesCommandSettings Settings(KubernetesApiDouble api, string? evidenceRoot = null, TimeSpan? watchIdleTimeout = null)
    {
        var kubeconfig = Kubeconfig.WriteFor(api);
        return new KubernetesCommandSettings
        {
            LoadConfiguration = () => KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig),
            Retry = new ApiRetryPolicy(MaxAttempts: 6, BaseDelay: TimeSpan.FromMilliseconds(10), MaxDelay: TimeSpan.FromMilliseconds(100), MaxRetryAfter: TimeSpan.FromMilliseconds(200)),
            RequestTimeout = TimeSpan.FromSeconds(10),
            WatchTimeout = TimeSpan.FromSeconds(60),
            WatchIdleTimeout = watchIdleTimeout ?? TimeSpan.FromSeconds(20),
            LogDrainIdle = TimeSpan.FromMilliseconds(300),
            LogRetryDelay = TimeSpan.FromMilliseconds(20),
            LogFinishTimeout = TimeSpan.FromSeconds(10),
            CleanupTimeout = TimeSpan.FromSeconds(10),
            EvidenceRoot = () => evidenceRoot ?? TempFolder(api, "evidence"),
        };
    }

    public static Task<CliResult> RunAsync(KubernetesApiDouble api, FlowDefinition flow, params string[] args) =>
        RunAsync(api, Settings(api), [flow], CancellationToken.None, args);

    public static async Task<CliResult> RunAsync(KubernetesApiDouble api, KubernetesCommandSettings settings, IReadOnlyList<FlowDefinition> flows,
        CancellationToken cancellationToken, params string[] args) =>
        await RunAsync(api, settings, flows, new StringWriter(), cancellationToken, args);

    /// <param name="output">Where the command's standard output goes, e.g. a <see cref="SignallingStringWriter"/>.</param>
    public static async Task<CliResult> RunAsync(KubernetesApiDouble api, KubernetesCommandSettings settings, IReadOnlyList<FlowDefinition> flows,
        StringWriter output, CancellationToken cancellationToken, params string[] args)
    {
        // A failed pod script or a hung command ends the command (it reports 130) instead of hanging the test run.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, api.ScriptFailed);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        using var ownedOutput = output;
        using var error = new StringWriter();
        var exitCode = await FlowsCommandLine.InvokeAsync(args, flows, output, error, limit.Token, new KubernetesCommandLineExtension(settings));
        return new CliResult(exitCode, output.ToString(), error.ToString(), string.Join("\n", api.ScriptErrors.Select(e => e.Message)));
    }

    /// <summary>A new folder name under the temp folder, deleted with <paramref name="api"/>.</summary>
    public static string TempFolder(KubernetesApiDouble api, string what)
    {
        var path = Path.Combine(Path.GetTempPath(), "flows-kubernetes-tests", what + "-" + Guid.NewGuid().ToString("N"));
        api.TemporaryPaths.Add(path);
        return path;
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error, string ScriptErrors = "")
{
    public IReadOnlyList<string> OutputLines => Lines(Output);

    public IReadOnlyList<string> ErrorLines => Lines(Error);

    private static List<string> Lines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}" + (ScriptErrors.Length == 0 ? "" : $"\n--- pod script errors\n{ScriptErrors}");
}
