using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using Flows.Docker;

namespace Flows.Docker.Tests.Support;

/// <summary>
/// A test that needs the real Docker engine (<see cref="Url"/>, else DOCKER_HOST, else the local socket).
/// Without one it is skipped with the reason, except under CI=true, where it runs and fails: CI runs
/// scripts/setup-docker.sh first, so a missing engine there is a broken setup, not a reason to pass.
/// </summary>
public sealed class DockerFactAttribute : FactAttribute
{
    private static readonly ConcurrentDictionary<string, Lazy<string?>> Unavailable = new();

    /// <summary>The daemon the test needs; null for the default one.</summary>
    public string? Url { get; set; }

    public override string? Skip
    {
        get => base.Skip ?? SkipReason(Url);
        set => base.Skip = value;
    }

    /// <summary>Why tests that need the engine at <paramref name="url"/> are skipped, or null when they run.</summary>
    public static string? SkipReason(string? url)
    {
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            return null;
        }
        return Unavailable.GetOrAdd(url ?? "", key => new Lazy<string?>(() => Probe(key))).Value;
    }

    private static string? Probe(string url)
    {
        try
        {
            var options = new DockerConnectionOptions { Url = url, ConnectTimeout = TimeSpan.FromSeconds(3) };
            Task.Run(async () => { using var engine = await DockerEngine.ConnectAsync(options); }).GetAwaiter().GetResult();
            return null;
        }
        catch (Exception unreachable)
        {
            return $"No Docker engine: {unreachable.Message.Split('\n')[0]} Run scripts/setup-docker.sh to get one (under CI=true this test fails instead).";
        }
    }
}
