using System;
using System.IO;
using System.Threading.Tasks;
using Flows.Cluster.Tests.Support;
using Flows.Kubernetes.Tests.Contract;
using k8s;

namespace Flows.Cluster.Tests
{
    /// <summary>
    /// Scenario 9, the API double is honest: the contract tests of Flows.Kubernetes.Tests/Contract, whose bodies
    /// also run against the double (ApiDoubleContractTests), run here unchanged against the real API server.
    /// </summary>
    public sealed class RealClusterContractTests : KubernetesApiContract
    {
        private protected override async Task<ContractCluster> ConnectAsync()
        {
            var ns = await TestNamespace.CreateAsync("contract");
            var settings = new Flows.Kubernetes.KubernetesCommandSettings
            {
                LoadConfiguration = () => KubernetesClientConfiguration.BuildConfigFromConfigFile(LaneCluster.Kubeconfig),
                EvidenceRoot = () => Path.Combine(Path.GetTempPath(), "flows-lane-evidence", "contract-" + Guid.NewGuid().ToString("N")),
            };
            return new RealCluster(settings, ns);
        }

        private sealed class RealCluster(Flows.Kubernetes.KubernetesCommandSettings settings, TestNamespace ns)
            : ContractCluster(settings, ns.Name, "localhost:5000/busybox:1")
        {
            public override ValueTask DisposeAsync() => ns.DisposeAsync();
        }
    }
}

namespace Flows.Kubernetes.Tests.Contract
{
    /// <summary>In the lane the contract tests run and skip as <see cref="ClusterFactAttribute"/> says.</summary>
    public sealed class ContractFactAttribute : FactAttribute
    {
        public override string? Skip
        {
            get => base.Skip ?? (ClusterFactAttribute.Enabled ? null : ClusterFactAttribute.Reason);
            set => base.Skip = value;
        }
    }
}
