using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Flows.EndToEnd.Tests;
using Flows.Runs;

namespace Flows.Store.Tests;

/// <summary>
/// A flow application (Fixtures/SleepingApp, built with this project) killed with SIGKILL while a task sleeps: its run, left
/// Running in the store, is shown as Crashed once its heartbeat is older than the bound (here shortened to 3 s).
/// </summary>
public sealed class CrashedRunTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
    private const int HeartbeatSeconds = 1;
    private const string RunId = "killed-1";

    private static string Dll { get; } =
        Path.Combine(RepositoryPaths.Root, "tests", "Flows.Store.Tests", "Fixtures", "SleepingApp", "bin", Configuration, "net10.0", "SleepingApp.dll");

    private readonly string _home = Directory.CreateTempSubdirectory("flows-crashed-home-").FullName;

    private Dictionary<string, string> Environment => new()
    {
        ["FLOWS_HOME"] = _home,
        [RunHeartbeat.IntervalVariable] = HeartbeatSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private Task<ProcessResult> AppAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", [Dll, .. arguments], RepositoryPaths.Root, StepLimits.Command, Environment, step: "SleepingApp " + string.Join(' ', arguments));

    [Fact]
    public async Task A_run_killed_with_SIGKILL_mid_task_is_shown_as_crashed_ended_at_its_last_heartbeat()
    {
        Assert.True(File.Exists(Dll), Dll + " was not built (it is built with tests/Flows.Store.Tests)");
        using var app = ProcessRunner.Start("dotnet", [Dll, "run", "--flow-run-id", RunId], RepositoryPaths.Root, Environment, step: "SleepingApp run");
        await app.WaitForOutputAsync("sleeping-app: asleep", StepLimits.FlowRun);
        // Longer than the bound since the run started: only its heartbeats keep it Running.
        var bound = TimeSpan.FromSeconds(HeartbeatSeconds * RunHeartbeat.MissedBeforeCrashed);
        await Task.Delay(bound + TimeSpan.FromSeconds(1));

        var alive = await AppAsync("runs", "show", RunId);
        Assert.True(alive.ExitCode == 0, alive.ToString());
        Assert.StartsWith($"Run {RunId} of 'sleeping': Running, ", alive.Output);

        var killedAt = DateTimeOffset.UtcNow;
        using (var process = Process.GetProcessById(app.Id))
        {
            process.Kill(); // SIGKILL on Linux: no handler, no finally, nothing recorded at the end.
        }
        Assert.Equal(128 + 9, (await app.WaitAsync(StepLimits.Command)).ExitCode);
        // The last heartbeat was at or before the kill: past the bound the run is taken for crashed.
        var wait = killedAt + bound + TimeSpan.FromMilliseconds(500) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        var show = await AppAsync("runs", "show", RunId);
        var runs = await AppAsync("runs");
        var json = await AppAsync("runs", "show", RunId, "--json");

        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.StartsWith($"Run {RunId} of 'sleeping': Crashed, ", show.Output);
        Assert.Matches(@"Prepare\s+Success\s+1\s+", show.Output);
        Assert.Matches($@"{RunId}\s+sleeping\s+Crashed\s+", runs.Output);
        using var stored = JsonDocument.Parse(json.Output);
        var ended = stored.RootElement.GetProperty("ended").GetDateTimeOffset();
        Assert.Equal(stored.RootElement.GetProperty("heartbeat").GetDateTimeOffset(), ended);
        Assert.InRange(ended, stored.RootElement.GetProperty("started").GetDateTimeOffset(), killedAt);
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
