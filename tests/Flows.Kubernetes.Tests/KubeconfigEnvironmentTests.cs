using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Flows.Cli;
using Flows.Kubernetes.Tests.ApiDouble;
using Flows.Kubernetes.Tests.Support;

namespace Flows.Kubernetes.Tests;

[CollectionDefinition(nameof(KubeconfigEnvironment), DisableParallelization = true)]
public sealed class KubeconfigEnvironment;

/// <summary>The public extension as the generated Main creates it: the cluster comes from KUBECONFIG.</summary>
[Collection(nameof(KubeconfigEnvironment))]
public class KubeconfigEnvironmentTests
{
    [Fact]
    public async Task The_default_extension_finds_the_cluster_through_KUBECONFIG()
    {
        await using var api = new KubernetesApiDouble();
        var previous = Environment.GetEnvironmentVariable("KUBECONFIG");
        Environment.SetEnvironmentVariable("KUBECONFIG", Kubeconfig.WriteFor(api));
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var flow = TestFlows.Create();

            var exitCode = await FlowsCommandLine.InvokeAsync(["submit", "--flow-run-id", "from-env"], [flow], output, error, CancellationToken.None,
                new KubernetesCommandLineExtension());

            Assert.True(exitCode == ExitCodes.Success, error.ToString());
            Assert.Equal(TestFlows.RunInfo(flow, "from-env").JobName, output.ToString().Trim());
            Assert.Single(api.JobPostBodies);
        }
        finally
        {
            Environment.SetEnvironmentVariable("KUBECONFIG", previous);
        }
    }
}
