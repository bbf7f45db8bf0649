using System.Linq;
using System.Threading.Tasks;
using Flows.Kubernetes.Tests.ApiDouble;
using Flows.Kubernetes.Tests.Contract;
using Flows.Kubernetes.Tests.Support;

namespace Flows.Kubernetes.Tests
{
    /// <summary>The API contract (Contract/) against the double; Flows.Cluster.Tests runs the same tests against the real cluster.</summary>
    public sealed class ApiDoubleContractTests : KubernetesApiContract
    {
        private protected override Task<ContractCluster> ConnectAsync()
        {
            var api = new KubernetesApiDouble
            {
                // The double's kubelet does what the contract Job's busybox does: print the container's args, exit 0.
                PodScript = pod =>
                {
                    pod.Schedule();
                    pod.Start();
                    pod.Log(pod.PrimaryContainer, pod.ArgsOf(pod.PrimaryContainer).ToArray());
                    pod.Exit(pod.PrimaryContainer, 0);
                    return Task.CompletedTask;
                },
            };
            return Task.FromResult<ContractCluster>(new DoubleCluster(api));
        }

        private sealed class DoubleCluster(KubernetesApiDouble api) : ContractCluster(KubernetesCli.Settings(api), TestFlows.Namespace, TestFlows.Image)
        {
            public override ValueTask DisposeAsync() => api.DisposeAsync();
        }
    }
}

namespace Flows.Kubernetes.Tests.Contract
{
    /// <summary>In this project the contract tests always run (the double needs nothing).</summary>
    public sealed class ContractFactAttribute : FactAttribute;
}
