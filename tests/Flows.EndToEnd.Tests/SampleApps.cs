using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Flows.EndToEnd.Tests;

/// <summary>Builds a sample with a real 'dotnet build' (once per test run) and runs its generated entrypoint.</summary>
internal static class SampleApps
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<ProcessResult>>> Builds = new();
    private static readonly SemaphoreSlim OneBuildAtATime = new(1);

    public static TimeSpan BuildTimeout { get; } = TimeSpan.FromMinutes(5);

    public static Task<ProcessResult> BuildAsync(string sample) =>
        Builds.GetOrAdd(sample, name => new Lazy<Task<ProcessResult>>(() => BuildOnceAsync(name))).Value;

    private static Task<ProcessResult> BuildOnceAsync(string sample) =>
        DotnetAsync(RepositoryPaths.Sample(sample), "build", "-c", "Debug", "--nologo", "-clp:NoSummary");

    /// <summary>Runs one dotnet command (build, pack) at a time: they share the repository's obj folders.</summary>
    public static async Task<ProcessResult> DotnetAsync(string workingDirectory, params string[] arguments)
    {
        await OneBuildAtATime.WaitAsync();
        try
        {
            return await ProcessRunner.RunAsync("dotnet", arguments, workingDirectory, BuildTimeout);
        }
        finally
        {
            OneBuildAtATime.Release();
        }
    }

    public static async Task<string> BuiltEntryPointAsync(string sample)
    {
        var build = await BuildAsync(sample);
        Assert.True(build.ExitCode == 0, $"dotnet build of samples/{sample} failed:\n{build}");
        var dll = Path.Combine(RepositoryPaths.Sample(sample), "bin", "Debug", "net10.0", sample + ".dll");
        Assert.True(File.Exists(dll), dll + " was not built");
        return dll;
    }

    public static async Task<ProcessResult> RunAsync(string sample, params string[] arguments)
    {
        var dll = await BuiltEntryPointAsync(sample);
        return await ProcessRunner.RunAsync("dotnet", new[] { dll }.Concat(arguments), RepositoryPaths.Root, TimeSpan.FromMinutes(2));
    }

    private static string[] Concat(this string[] first, string[] second)
    {
        var all = new string[first.Length + second.Length];
        first.CopyTo(all, 0);
        second.CopyTo(all, first.Length);
        return all;
    }
}
