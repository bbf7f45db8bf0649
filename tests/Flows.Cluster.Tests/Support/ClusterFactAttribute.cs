using System;

namespace Flows.Cluster.Tests.Support;

/// <summary>
/// A test of the real-Kubernetes lane. It runs when asked, FLOWS_CLUSTER_TESTS=1, or under CI=true (where
/// .ci/run brings the cluster up first); otherwise it is skipped with the reason. When it runs, an
/// unreachable cluster fails it (<see cref="LaneCluster.EnsureReachableAsync"/>): never a silent pass.
/// </summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public const string Reason =
        "The real-Kubernetes lane runs with FLOWS_CLUSTER_TESTS=1 (or CI=true) against the cluster of tests/cluster/up.sh: "
        + "export KUBECONFIG=$(bash tests/cluster/up.sh); FLOWS_CLUSTER_TESTS=1 dotnet test tests/Flows.Cluster.Tests";

    public static bool Enabled =>
        Environment.GetEnvironmentVariable("FLOWS_CLUSTER_TESTS") == "1" || Environment.GetEnvironmentVariable("CI") == "true";

    public override string? Skip
    {
        get => base.Skip ?? (Enabled ? null : Reason);
        set => base.Skip = value;
    }
}
