using System.Threading.Tasks;
using Flows.Analyzers.Tests.Infrastructure;
using Flows.Generators.Diagnostics;

namespace Flows.Analyzers.Tests.PodTasks;

/// <summary>FLOW066: a container or init container has no name (a mapping is marked by an empty span at its start).</summary>
public class PodContainerWithoutNameTests
{
    [Fact]
    public Task Reported_at_a_container_without_name() => VerifyPodTasks.PodSpecAsync("""
        containers:
        - name: primary
        - {|#0:|}image: busybox:1.36
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodContainerWithoutName).WithLocation(0).WithArguments("pod_spec.yaml", "container 1"));

    [Fact]
    public Task Reported_at_an_empty_init_container_name() => VerifyPodTasks.PodSpecAsync("""
        initContainers:
        - name: {|#0:""|}
          image: busybox:1.36
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PodContainerWithoutName).WithLocation(0).WithArguments("pod_spec.yaml", "init container 0"));
}
