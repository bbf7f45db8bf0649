using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
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

    /// <summary>dotnet build and pack: <see cref="StepLimits.DotnetBuild"/>.</summary>
    public static TimeSpan BuildTimeout => StepLimits.DotnetBuild;

    public static Task<ProcessResult> BuildAsync(string sample) =>
        Builds.GetOrAdd(sample, name => new Lazy<Task<ProcessResult>>(() => BuildOnceAsync(name))).Value;

    private static Task<ProcessResult> BuildOnceAsync(string sample) =>
        DotnetAsync(RepositoryPaths.Sample(sample), "build", "-c", "Debug", "--nologo", "-clp:NoSummary");

    /// <summary>Runs one dotnet command (build, pack) at a time: they share the repository's obj folders.</summary>
    public static Task<ProcessResult> DotnetAsync(string workingDirectory, params string[] arguments) =>
        DotnetAsync(workingDirectory, BuildTimeout, arguments);

    /// <summary>As <see cref="DotnetAsync(string, string[])"/>, stopped and failed past <paramref name="timeout"/>.</summary>
    public static async Task<ProcessResult> DotnetAsync(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        await OneBuildAtATime.WaitAsync();
        try
        {
            return await ProcessRunner.RunAsync("dotnet", arguments, workingDirectory, timeout,
                step: $"dotnet {arguments[0]} of {Path.GetRelativePath(RepositoryPaths.Root, arguments.Length > 1 && !arguments[1].StartsWith('-') ? arguments[1] : workingDirectory)}");
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

    /// <summary>Runs a command of the sample's entrypoint, with the limit of its kind (<see cref="StepLimits.ForEntrypoint"/>: build --push minutes, a run less).</summary>
    public static Task<ProcessResult> RunAsync(string sample, params string[] arguments) => RunAsync(sample, null, arguments);

    /// <summary>As <see cref="RunAsync(string, string[])"/>, with more environment variables.</summary>
    public static async Task<ProcessResult> RunAsync(string sample, IDictionary<string, string>? environment, params string[] arguments)
    {
        var dll = await BuiltEntryPointAsync(sample);
        return await ProcessRunner.RunAsync("dotnet", new[] { dll }.Concat(arguments), RepositoryPaths.Root, StepLimits.ForEntrypoint(arguments), environment,
            step: $"samples/{sample} {(arguments.Length > 0 ? arguments[0] : "")}".TrimEnd());
    }

    private static string[] Concat(this string[] first, string[] second)
    {
        var all = new string[first.Length + second.Length];
        first.CopyTo(all, 0);
        second.CopyTo(all, first.Length);
        return all;
    }
}
