using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace Flows.Runtime.Tests.Kubernetes.Support;

/// <summary>Runs one of the node validators in tests/schema on a JSON document.</summary>
internal static class SchemaScript
{
    public static readonly string Directory = RepositoryFiles.PathOf("tests/schema");

    /// <summary>Null when the validators can run here; else why not.</summary>
    public static string? Unavailable { get; } = FindProblem();

    public static async Task<(int ExitCode, string Output)> RunAsync(string script, string json)
    {
        if (Unavailable is { } reason)
        {
            Assert.Fail("The Kubernetes schema validator cannot run: " + reason);
        }
        var start = new ProcessStartInfo("node", [script])
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        await process.StandardInput.WriteAsync(json);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await output) + (await error));
    }

    private static string? FindProblem()
    {
        if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "kubernetes-models")))
        {
            return "tests/schema/node_modules is missing: run `npm ci --prefix tests/schema` (CI does)";
        }
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", ["--version"]) { RedirectStandardOutput = true, RedirectStandardError = true });
            node!.WaitForExit(30_000);
            return node.ExitCode == 0 ? null : "`node --version` failed";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "node is not on PATH";
        }
    }
}
