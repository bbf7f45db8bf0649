using System;
using System.Threading.Tasks;

namespace Flows.Cluster.Tests.Support;

/// <summary>A namespace of one test on the shared cluster (created for it, deleted after it), so tests do not see each other's objects.</summary>
internal sealed class TestNamespace : IAsyncDisposable
{
    private TestNamespace(string name) => Name = name;

    public string Name { get; }

    public static async Task<TestNamespace> CreateAsync(string purpose)
    {
        await LaneCluster.EnsureReachableAsync();
        var name = $"lane-{purpose}-{Guid.NewGuid().ToString("N")[..6]}";
        var created = await LaneCluster.KubectlAsync("create", "namespace", name);
        Assert.True(created.ExitCode == 0, "kubectl create namespace failed:\n" + created);
        // The namespace's default service account appears shortly after the namespace; a pod needs it.
        for (var i = 0; i < 60; i++)
        {
            if ((await LaneCluster.KubectlAsync("get", "serviceaccount", "default", "-n", name)).ExitCode == 0)
            {
                return new TestNamespace(name);
            }
            await Task.Delay(500);
        }
        Assert.Fail($"The default service account of namespace {name} did not appear (is the controller manager running?)");
        return null!;
    }

    public async ValueTask DisposeAsync() => await LaneCluster.KubectlAsync("delete", "namespace", Name, "--wait=false");
}
