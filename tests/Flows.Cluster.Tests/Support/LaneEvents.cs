using System.Threading.Tasks;

namespace Flows.Cluster.Tests.Support;

/// <summary>The events of a test namespace (they outlive the pods they are about), one line each: kind, field, reason, message.</summary>
internal static class LaneEvents
{
    public static async Task<string> ListAsync(string @namespace)
    {
        var events = await LaneCluster.KubectlAsync("get", "events", "-n", @namespace, "--sort-by=.metadata.creationTimestamp",
            "-o", "custom-columns=KIND:.involvedObject.kind,NAME:.involvedObject.name,FIELD:.involvedObject.fieldPath,REASON:.reason,MESSAGE:.message");
        Assert.True(events.ExitCode == 0, events.ToString());
        return events.Output;
    }
}
