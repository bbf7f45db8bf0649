using System;
using System.Threading;
using System.Threading.Tasks;
using Flows;

namespace ClusterApp;

/// <summary>
/// Prints "count N" for N = 1..count, one every interval: long enough (45 s by default: a Job runs a flow
/// with its defaults) to break things while it runs, and a log in which a gap or a repeated line is visible.
/// </summary>
[Flow("cluster-counts")]
[KubernetesJob]
[DockerStorage(RegistryUrl = LaneImage.Registry, ImageName = LaneImage.Name)]
public static partial class CountingFlow
{
    [FlowTask]
    public static async Task Count(
        CancellationToken cancellationToken,
        [FlowParameter] int count = 45,
        [FlowParameter("interval_seconds")] double intervalSeconds = 1)
    {
        for (var i = 1; i <= count; i++)
        {
            Console.WriteLine($"count {i}");
            await Task.Delay(TimeSpan.FromSeconds(intervalSeconds), cancellationToken);
        }
    }
}
