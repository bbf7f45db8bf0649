using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Flows.Runtime.Tests.Kubernetes.Support;

/// <summary>
/// Validates a Job against the official Kubernetes OpenAPI schema with tests/schema/validate-job.mjs
/// (npm's kubernetes-models 5.1.0, whose validators are generated from Kubernetes v1.36.0's OpenAPI spec).
/// Needs node and <c>npm ci --prefix tests/schema</c>; see <see cref="SchemaFactAttribute"/>.
/// </summary>
internal static class JobSchema
{
    public static readonly string Directory = RepositoryFiles.PathOf("tests/schema");

    public static readonly string Script = Path.Combine(Directory, "validate-job.mjs");

    /// <summary>Null when the validator can run here; else why not.</summary>
    public static string? Unavailable { get; } = FindProblem();

    public static async Task<(int ExitCode, string Output)> ValidateAsync(JsonNode job)
    {
        if (Unavailable is { } reason)
        {
            Assert.Fail("The Kubernetes schema validator cannot run: " + reason);
        }
        var start = new ProcessStartInfo("node", [Script])
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        await process.StandardInput.WriteAsync(job.ToJsonString());
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

/// <summary>
/// A fact that needs the schema validator: skipped with the reason when it cannot run, except under
/// <c>CI=true</c>, where a missing validator must fail the build rather than skip silently.
/// </summary>
internal sealed class SchemaFactAttribute : FactAttribute
{
    public SchemaFactAttribute()
    {
        if (JobSchema.Unavailable is { } reason && !IsCi())
        {
            Skip = reason;
        }
    }

    public static bool IsCi() => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
