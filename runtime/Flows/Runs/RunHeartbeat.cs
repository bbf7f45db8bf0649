using System;
using System.Globalization;

namespace Flows.Runs;

/// <summary>
/// The lease of a run being recorded: its recorder writes the run's heartbeat every <see cref="Interval"/>, and a store that
/// reads a Running run whose heartbeat is older than <see cref="CrashedAfter"/> (a process killed mid-run, a machine that went
/// down) records it as Crashed, ended at its last heartbeat. Writers and readers take the interval from the same place, so
/// they agree on the bound.
/// </summary>
public static class RunHeartbeat
{
    /// <summary>Seconds between heartbeats, fractions allowed (<see cref="IsValidInterval"/>); anything else means <see cref="DefaultInterval"/>.</summary>
    public const string IntervalVariable = "FLOWS__HEARTBEAT_SECONDS";

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    /// <summary>How many heartbeats in a row a run may miss before it is taken for crashed: by default 30 s.</summary>
    public const int MissedBeforeCrashed = 3;

    /// <summary><see cref="IntervalVariable"/>, else <see cref="DefaultInterval"/>.</summary>
    public static TimeSpan Interval =>
        double.TryParse(Environment.GetEnvironmentVariable(IntervalVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
        && seconds is > 0 and < 1e6 && IsValidInterval(TimeSpan.FromSeconds(seconds))
            ? TimeSpan.FromSeconds(seconds)
            : DefaultInterval;

    /// <summary>More than 0 and at most a day.</summary>
    public static bool IsValidInterval(TimeSpan interval) => interval > TimeSpan.Zero && interval <= TimeSpan.FromDays(1);

    /// <summary>How old a Running run's heartbeat may be before it is Crashed: <see cref="MissedBeforeCrashed"/> intervals.</summary>
    public static TimeSpan CrashedAfter => Interval * MissedBeforeCrashed;
}
