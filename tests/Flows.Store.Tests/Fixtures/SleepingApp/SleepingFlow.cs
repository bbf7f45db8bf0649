using System;
using System.Threading;
using System.Threading.Tasks;
using Flows;

namespace SleepingApp;

/// <summary>A task that succeeds, then one that says it sleeps and sleeps until it is killed.</summary>
[Flow("sleeping")]
public static partial class SleepingFlow
{
    public const string AsleepLine = "sleeping-app: asleep";

    [FlowTask]
    public static string Prepare() => "ready";

    [FlowTask]
    public static async Task Sleep([FromTask(nameof(Prepare))] string ready, CancellationToken cancellationToken)
    {
        Console.WriteLine(AsleepLine + " (" + ready + ")");
        await Task.Delay(TimeSpan.FromMinutes(10), cancellationToken);
    }
}
